// Snowball's libstemmer (Debian: libstemmer-dev; it ships no pkg-config file, hence the plain link in the modulemap).
#include <libstemmer.h>
