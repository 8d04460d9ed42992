/* SPDX-License-Identifier: MIT */
/* rules.c - red-flag conditions and expression names from a rulebase's text. */
#include <string.h>

#include <yaml.h>

#include "rules.h"

static yaml_node_t *
map_get(yaml_document_t *doc, yaml_node_t *map, const char *key)
{
	yaml_node_pair_t *p;
	yaml_node_t *k;

	if (map == NULL || map->type != YAML_MAPPING_NODE)
		return NULL;
	for (p = map->data.mapping.pairs.start;
	    p < map->data.mapping.pairs.top; p++) {
		k = yaml_document_get_node(doc, p->key);
		if (k != NULL && k->type == YAML_SCALAR_NODE &&
		    strcmp((const char *)k->data.scalar.value, key) == 0)
			return yaml_document_get_node(doc, p->value);
	}
	return NULL;
}

size_t
cli_red_flag_conditions(const char *text, size_t len, cli_when_fn fn,
    void *userdata)
{
	yaml_parser_t parser;
	yaml_document_t doc;
	yaml_node_t *flags, *flag, *id, *levels, *level, *when;
	yaml_node_item_t *i, *j;
	size_t n = 0;

	if (!yaml_parser_initialize(&parser))
		return 0;
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	if (!yaml_parser_load(&parser, &doc)) {
		yaml_parser_delete(&parser);
		return 0;
	}
	flags = map_get(&doc, yaml_document_get_root_node(&doc), "red_flags");
	if (flags != NULL && flags->type == YAML_SEQUENCE_NODE)
		for (i = flags->data.sequence.items.start;
		    i < flags->data.sequence.items.top; i++) {
			flag = yaml_document_get_node(&doc, *i);
			id = map_get(&doc, flag, "id");
			levels = map_get(&doc, flag, "levels");
			if (id == NULL || id->type != YAML_SCALAR_NODE ||
			    levels == NULL ||
			    levels->type != YAML_SEQUENCE_NODE)
				continue;
			for (j = levels->data.sequence.items.start;
			    j < levels->data.sequence.items.top; j++) {
				level = yaml_document_get_node(&doc, *j);
				when = map_get(&doc, level, "when");
				if (when == NULL ||
				    when->type != YAML_SCALAR_NODE)
					continue;
				n++;
				fn((const char *)id->data.scalar.value,
				    (const char *)when->data.scalar.value,
				    userdata);
			}
		}
	yaml_document_delete(&doc);
	yaml_parser_delete(&parser);
	return n;
}

static int
word_char(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_';
}

void
cli_expression_names(const char *expr, cli_name_fn fn, void *userdata)
{
	static const char *const words[] = { "and", "or", "not", "true",
	    "false", "yes", "no", NULL };
	const char *p = expr, *s;
	size_t n, k;
	int skip;

	while (p != NULL && *p != '\0') {
		if (*p == '"' || *p == '\'') {
			char q = *p++;

			while (*p != '\0' && *p != q)
				p++;
			if (*p != '\0')
				p++;
			continue;
		}
		if (!word_char((unsigned char)*p) || (*p >= '0' && *p <= '9')) {
			/* skip numbers whole (1e5, 2.5) */
			if (*p >= '0' && *p <= '9')
				while (word_char((unsigned char)*p) || *p == '.')
					p++;
			else
				p++;
			continue;
		}
		s = p;
		while (word_char((unsigned char)*p))
			p++;
		n = (size_t)(p - s);
		skip = 0;
		for (k = 0; words[k] != NULL; k++)
			if (strlen(words[k]) == n &&
			    memcmp(words[k], s, n) == 0)
				skip = 1;
		if (!skip)
			fn(s, n, userdata);
	}
}
