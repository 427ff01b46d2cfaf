// Cairo (PDF surface) and Pango (text layout on Cairo) in one Clang module: cairo's headers
// must not be split across modules.
#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
