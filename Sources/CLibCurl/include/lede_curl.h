#ifndef LEDE_CURL_H
#define LEDE_CURL_H
#include <curl/curl.h>

/* libcurl is opened at the first fetch instead of being linked: it brings some thirty libraries (TLS, Kerberos,
   LDAP, SSH…) whose loading slowed the start of every lede command, most of which never fetch
   (docs/benchmarks.md). Only curl.h is needed to build; libcurl.so.4 is needed to fetch.

   curl_easy_setopt, curl_easy_getinfo and curl_multi_setopt are variadic, which Swift cannot call: one typed
   wrapper per argument type lede passes. */
typedef size_t (*lede_curl_data_callback)(char *data, size_t size, size_t count, void *user);
typedef int (*lede_curl_progress_callback)(void *user, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal, curl_off_t ulnow);

/* 1 when libcurl was opened and every function lede calls was found (thread-safe, opened once); the other
   functions may be called only after it returned 1. */
int lede_curl_load(void);
CURLcode lede_curl_global_init(long flags);
CURL *lede_curl_easy_init(void);
void lede_curl_easy_cleanup(CURL *handle);
const char *lede_curl_easy_strerror(CURLcode code);
struct curl_slist *lede_curl_slist_append(struct curl_slist *list, const char *line);
void lede_curl_slist_free_all(struct curl_slist *list);
CURLM *lede_curl_multi_init(void);
CURLMcode lede_curl_multi_add_handle(CURLM *multi, CURL *easy);
CURLMcode lede_curl_multi_remove_handle(CURLM *multi, CURL *easy);
CURLMcode lede_curl_multi_cleanup(CURLM *multi);
CURLMcode lede_curl_multi_perform(CURLM *multi, int *running);
CURLMcode lede_curl_multi_poll(CURLM *multi, struct curl_waitfd *extra, unsigned int count, int timeoutMs, int *ready);
CURLMsg *lede_curl_multi_info_read(CURLM *multi, int *left);
CURLcode lede_curl_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode lede_curl_setopt_offset(CURL *handle, CURLoption option, curl_off_t value);
CURLcode lede_curl_setopt_string(CURL *handle, CURLoption option, const char *value);
CURLcode lede_curl_setopt_pointer(CURL *handle, CURLoption option, void *value);
CURLcode lede_curl_setopt_list(CURL *handle, CURLoption option, struct curl_slist *value);
CURLcode lede_curl_setopt_data_callback(CURL *handle, CURLoption option, lede_curl_data_callback value);
CURLcode lede_curl_getinfo_long(CURL *handle, CURLINFO info, long *value);
CURLcode lede_curl_getinfo_string(CURL *handle, CURLINFO info, char **value);
CURLcode lede_curl_getinfo_pointer(CURL *handle, CURLINFO info, void **value);
CURLMcode lede_curl_multi_setopt_long(CURLM *handle, CURLMoption option, long value);

#endif
