#include "CXMLShim.h"
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>

struct CXMLShim_Reader {
    xmlTextReaderPtr reader;
    char error[256];
};

static xmlParserInputPtr CXMLShim_no_entities(const char *url, const char *id, xmlParserCtxtPtr context) {
    (void)url; (void)id; (void)context;
    return NULL;
}

static void CXMLShim_setup(void) {
    xmlInitParser();
    xmlSetExternalEntityLoader(CXMLShim_no_entities);
}

static void CXMLShim_collect(void *context, xmlErrorPtr error) {
    CXMLShim_Reader *reader = (CXMLShim_Reader *)context;
    if (reader->error[0] == 0 && error != NULL && error->message != NULL) {
        strncpy(reader->error, error->message, sizeof(reader->error) - 1);
        size_t length = strlen(reader->error);
        while (length > 0 && (reader->error[length - 1] == '\n' || reader->error[length - 1] == ' ')) reader->error[--length] = 0;
    }
}

CXMLShim_Reader *CXMLShim_open(const unsigned char *bytes, size_t size) {
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, CXMLShim_setup);
    if (size > 0x7FFFFFFF) return NULL;
    CXMLShim_Reader *result = calloc(1, sizeof(CXMLShim_Reader));
    if (result == NULL) return NULL;
    result->reader = xmlReaderForMemory((const char *)bytes, (int)size, "part.xml", NULL,
                                        XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (result->reader == NULL) {
        free(result);
        return NULL;
    }
    xmlTextReaderSetStructuredErrorHandler(result->reader, CXMLShim_collect, result);
    return result;
}

int CXMLShim_next(CXMLShim_Reader *reader) { return xmlTextReaderRead(reader->reader); }
int CXMLShim_type(CXMLShim_Reader *reader) { return xmlTextReaderNodeType(reader->reader); }
const char *CXMLShim_name(CXMLShim_Reader *reader) { return (const char *)xmlTextReaderConstName(reader->reader); }
const char *CXMLShim_value(CXMLShim_Reader *reader) { return (const char *)xmlTextReaderConstValue(reader->reader); }
int CXMLShim_is_empty(CXMLShim_Reader *reader) { return xmlTextReaderIsEmptyElement(reader->reader); }
int CXMLShim_next_attribute(CXMLShim_Reader *reader) { return xmlTextReaderMoveToNextAttribute(reader->reader); }
void CXMLShim_to_element(CXMLShim_Reader *reader) { xmlTextReaderMoveToElement(reader->reader); }
const char *CXMLShim_error(CXMLShim_Reader *reader) { return reader->error[0] ? reader->error : NULL; }

void CXMLShim_close(CXMLShim_Reader *reader) {
    if (reader == NULL) return;
    xmlFreeTextReader(reader->reader);
    free(reader);
}
