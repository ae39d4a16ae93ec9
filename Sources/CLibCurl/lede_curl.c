#include "lede_curl.h"
#include <dlfcn.h>
#include <pthread.h>

struct lede_curl_functions {
    int loaded;
    CURLcode (*global_init)(long);
    CURL *(*easy_init)(void);
    void (*easy_cleanup)(CURL *);
    const char *(*easy_strerror)(CURLcode);
    CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
    CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
    struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
    void (*slist_free_all)(struct curl_slist *);
    CURLM *(*multi_init)(void);
    CURLMcode (*multi_setopt)(CURLM *, CURLMoption, ...);
    CURLMcode (*multi_add_handle)(CURLM *, CURL *);
    CURLMcode (*multi_remove_handle)(CURLM *, CURL *);
    CURLMcode (*multi_cleanup)(CURLM *);
    CURLMcode (*multi_perform)(CURLM *, int *);
    CURLMcode (*multi_poll)(CURLM *, struct curl_waitfd *, unsigned int, int, int *);
    CURLMsg *(*multi_info_read)(CURLM *, int *);
};

static struct lede_curl_functions lede_curl;
static pthread_once_t lede_curl_once = PTHREAD_ONCE_INIT;

static void lede_curl_open(void) {
    void *library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (!library) library = dlopen("libcurl.so", RTLD_NOW | RTLD_LOCAL);
    if (!library) return;
#define LEDE_CURL_FIND(field, name) \
    *(void **)(&lede_curl.field) = dlsym(library, name); \
    if (!lede_curl.field) return;
    LEDE_CURL_FIND(global_init, "curl_global_init")
    LEDE_CURL_FIND(easy_init, "curl_easy_init")
    LEDE_CURL_FIND(easy_cleanup, "curl_easy_cleanup")
    LEDE_CURL_FIND(easy_strerror, "curl_easy_strerror")
    LEDE_CURL_FIND(easy_setopt, "curl_easy_setopt")
    LEDE_CURL_FIND(easy_getinfo, "curl_easy_getinfo")
    LEDE_CURL_FIND(slist_append, "curl_slist_append")
    LEDE_CURL_FIND(slist_free_all, "curl_slist_free_all")
    LEDE_CURL_FIND(multi_init, "curl_multi_init")
    LEDE_CURL_FIND(multi_setopt, "curl_multi_setopt")
    LEDE_CURL_FIND(multi_add_handle, "curl_multi_add_handle")
    LEDE_CURL_FIND(multi_remove_handle, "curl_multi_remove_handle")
    LEDE_CURL_FIND(multi_cleanup, "curl_multi_cleanup")
    LEDE_CURL_FIND(multi_perform, "curl_multi_perform")
    LEDE_CURL_FIND(multi_poll, "curl_multi_poll")
    LEDE_CURL_FIND(multi_info_read, "curl_multi_info_read")
#undef LEDE_CURL_FIND
    lede_curl.loaded = 1;
}

int lede_curl_load(void) {
    pthread_once(&lede_curl_once, lede_curl_open);
    return lede_curl.loaded;
}
CURLcode lede_curl_global_init(long flags) { return lede_curl.global_init(flags); }
CURL *lede_curl_easy_init(void) { return lede_curl.easy_init(); }
void lede_curl_easy_cleanup(CURL *handle) { lede_curl.easy_cleanup(handle); }
const char *lede_curl_easy_strerror(CURLcode code) { return lede_curl.easy_strerror(code); }
struct curl_slist *lede_curl_slist_append(struct curl_slist *list, const char *line) {
    return lede_curl.slist_append(list, line);
}
void lede_curl_slist_free_all(struct curl_slist *list) { lede_curl.slist_free_all(list); }
CURLM *lede_curl_multi_init(void) { return lede_curl.multi_init(); }
CURLMcode lede_curl_multi_add_handle(CURLM *multi, CURL *easy) { return lede_curl.multi_add_handle(multi, easy); }
CURLMcode lede_curl_multi_remove_handle(CURLM *multi, CURL *easy) { return lede_curl.multi_remove_handle(multi, easy); }
CURLMcode lede_curl_multi_cleanup(CURLM *multi) { return lede_curl.multi_cleanup(multi); }
CURLMcode lede_curl_multi_perform(CURLM *multi, int *running) { return lede_curl.multi_perform(multi, running); }
CURLMcode lede_curl_multi_poll(CURLM *multi, struct curl_waitfd *extra, unsigned int count, int timeoutMs, int *ready) {
    return lede_curl.multi_poll(multi, extra, count, timeoutMs, ready);
}
CURLMsg *lede_curl_multi_info_read(CURLM *multi, int *left) { return lede_curl.multi_info_read(multi, left); }
CURLcode lede_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return lede_curl.easy_setopt(handle, option, value);
}
CURLcode lede_curl_setopt_offset(CURL *handle, CURLoption option, curl_off_t value) {
    return lede_curl.easy_setopt(handle, option, value);
}
CURLcode lede_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return lede_curl.easy_setopt(handle, option, value);
}
CURLcode lede_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return lede_curl.easy_setopt(handle, option, value);
}
CURLcode lede_curl_setopt_list(CURL *handle, CURLoption option, struct curl_slist *value) {
    return lede_curl.easy_setopt(handle, option, value);
}
CURLcode lede_curl_setopt_data_callback(CURL *handle, CURLoption option, lede_curl_data_callback value) {
    return lede_curl.easy_setopt(handle, option, value);
}
CURLcode lede_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return lede_curl.easy_getinfo(handle, info, value);
}
CURLcode lede_curl_getinfo_string(CURL *handle, CURLINFO info, char **value) {
    return lede_curl.easy_getinfo(handle, info, value);
}
CURLcode lede_curl_getinfo_pointer(CURL *handle, CURLINFO info, void **value) {
    return lede_curl.easy_getinfo(handle, info, value);
}
CURLMcode lede_curl_multi_setopt_long(CURLM *handle, CURLMoption option, long value) {
    return lede_curl.multi_setopt(handle, option, value);
}
