#include <libxml/xmlversion.h>
/* libxml2 built with ICU pulls in the system's unicode/*.h, which clashes with the ICU that Foundation
   bundles (same enum, other members). lede never touches libxml2's ICU converters (only the layout of
   xmlCharEncodingHandler, which lede does not use, depends on this), so the ICU part is left out. */
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>
#include <libxml/parserInternals.h>
