/* The floor of reading published pages: libxml2's HTML parser alone over
 * the same pages, each parsed into a tree and freed, nothing read from it.
 * usage: html-floor PAGE... */
#include <libxml/HTMLparser.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	static char buf[1 << 22];
	long nodes = 0;
	for (int i = 1; i < argc; i++) {
		FILE *fp = fopen(argv[i], "rb");
		if (fp == NULL)
			return 2;
		size_t n = fread(buf, 1, sizeof buf, fp);
		fclose(fp);
		htmlDocPtr h = htmlReadMemory(buf, (int)n, NULL, NULL,
					      HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
						  HTML_PARSE_NONET | HTML_PARSE_RECOVER);
		if (h != NULL && xmlDocGetRootElement(h) != NULL)
			nodes++;
		xmlFreeDoc(h);
	}
	printf("%ld\n", nodes);
	return 0;
}
