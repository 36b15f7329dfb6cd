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

/* Some of libxml2's messages bypass the reader's handler and go to the "generic" handler, which prints to stderr
 * (a fuzzed part gave "xmlParseChunk: encoder error"). The reader reports the failure itself; print nothing. */
static void CXMLShim_silent(void *context, const char *message, ...) {
    (void)context; (void)message;
}

static void CXMLShim_setup(void) {
    xmlInitParser();
    xmlSetExternalEntityLoader(CXMLShim_no_entities);
    xmlThrDefSetGenericErrorFunc(NULL, CXMLShim_silent);
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
    /* The generic handler is per thread; threads made before the setup keep the default until told. */
    xmlSetGenericErrorFunc(NULL, CXMLShim_silent);
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
