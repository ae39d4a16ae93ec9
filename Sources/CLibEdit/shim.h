// Non-variadic wrappers over libedit's native API: Swift cannot call el_set/el_get/history directly.
#include <histedit.h>
#include <stdio.h>
#include <signal.h>
#include <locale.h>

static inline FILE *lede_stdin(void) { return stdin; }
static inline FILE *lede_stdout(void) { return stdout; }
static inline FILE *lede_stderr(void) { return stderr; }

typedef char *(*lede_prompt_fn)(EditLine *);
typedef unsigned char (*lede_el_fn)(EditLine *, int);

static inline int lede_el_set_prompt_esc(EditLine *el, lede_prompt_fn fn, char esc) {
    return el_set(el, EL_PROMPT_ESC, fn, esc);
}
static inline int lede_el_set_editor(EditLine *el, const char *mode) { return el_set(el, EL_EDITOR, mode); }
static inline int lede_el_set_signal(EditLine *el, int on) { return el_set(el, EL_SIGNAL, on); }
static inline int lede_el_set_hist(EditLine *el, History *h) { return el_set(el, EL_HIST, history, h); }
static inline int lede_el_set_clientdata(EditLine *el, void *data) { return el_set(el, EL_CLIENTDATA, data); }
static inline void *lede_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    el_get(el, EL_CLIENTDATA, &data);
    return data;
}
static inline int lede_el_addfn(EditLine *el, const char *name, const char *help, lede_el_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}
static inline int lede_el_bind(EditLine *el, const char *key, const char *fn) {
    return el_set(el, EL_BIND, key, fn, NULL);
}
static inline int lede_el_columns(EditLine *el) {
    int cols = 0;
    if (el_get(el, EL_GETTC, "co", &cols) != 0) return 0;
    return cols;
}

static inline History *lede_history_init(int size) {
    History *h = history_init();
    HistEvent ev;
    if (h == NULL) return NULL;
    history(h, &ev, H_SETSIZE, size);
    history(h, &ev, H_SETUNIQUE, 1);
    return h;
}
static inline int lede_history_enter(History *h, const char *line) { HistEvent ev; return history(h, &ev, H_ENTER, line); }
static inline int lede_history_load(History *h, const char *path) { HistEvent ev; return history(h, &ev, H_LOAD, path); }
static inline int lede_history_save(History *h, const char *path) { HistEvent ev; return history(h, &ev, H_SAVE, path); }
/// Oldest entry first: H_LAST is the oldest in libedit's ordering.
static inline const char *lede_history_last(History *h) { HistEvent ev; return history(h, &ev, H_LAST) == 0 ? ev.str : NULL; }
static inline const char *lede_history_prev(History *h) { HistEvent ev; return history(h, &ev, H_PREV) == 0 ? ev.str : NULL; }
