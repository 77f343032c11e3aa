#ifndef KUBEBOOK_CCMARK_SHIM_H
#define KUBEBOOK_CCMARK_SHIM_H
#include <cmark.h>
#endif
