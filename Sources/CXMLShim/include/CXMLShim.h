#ifndef CXMLSHIM_H
#define CXMLSHIM_H
#include <stddef.h>

/// A libxml2 streaming reader with safe options, behind plain C types: libxml's headers (which pull in ICU) never
/// reach Swift, where they would clash with Foundation's own ICU module.
typedef struct CXMLShim_Reader CXMLShim_Reader;

/// Opens a reader over `size` bytes: XML_PARSE_NONET only, an external-entity loader that loads nothing, errors
/// collected, never printed. NULL when it cannot start.
CXMLShim_Reader *CXMLShim_open(const unsigned char *bytes, size_t size);
/// 1 for a node, 0 at the end, -1 on an error.
int CXMLShim_next(CXMLShim_Reader *reader);
/// libxml2's node type (1 element, 3 text, 4 CDATA, 5 entity reference, 10 DTD, 13/14 whitespace, 15 end).
int CXMLShim_type(CXMLShim_Reader *reader);
const char *CXMLShim_name(CXMLShim_Reader *reader);
const char *CXMLShim_value(CXMLShim_Reader *reader);
int CXMLShim_is_empty(CXMLShim_Reader *reader);
/// Moves to the next attribute (1) or reports there is none (0).
int CXMLShim_next_attribute(CXMLShim_Reader *reader);
void CXMLShim_to_element(CXMLShim_Reader *reader);
/// The first error message, or NULL.
const char *CXMLShim_error(CXMLShim_Reader *reader);
void CXMLShim_close(CXMLShim_Reader *reader);

#endif
