/* se-new: start a document from its framework's format, or a region's
 * repository (se-new(1)).  Options and wiring; the documents are written
 * by lib/new.c. */
#include "se.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: se-new KIND [--framework F] [--chapter C] [--authority A]\n"
    "              [--period P] [-o FILE] [--formats DIR]\n"
    "       se-new region DIR\n";

/* What --help prints after the usage; kept to what se-new(1) says. */
static const char help[] =
    "\n"
    "Start a new draft of a document from its framework's format: every\n"
    "required and recommended field or section in order, the framework's\n"
    "key questions and guidance as comments, and a \"[fill in: ...]\"\n"
    "placeholder wherever your text goes.  se-validate reports each\n"
    "placeholder left in: a warning in a draft, an error once final.\n"
    "\n"
    "Kinds: self-assessment, review, programme (em-2012); quality-standards\n"
    "(ns-2009); self-evaluation (one chapter), summary (ria-2018); plan,\n"
    "indicators (shared).\n"
    "\n"
    "Options:\n"
    "      --framework F      the framework defining KIND (needed when several"
    " do)\n"
    "      --chapter C        the chapter of a self-evaluation (e.g. send)\n"
    "      --authority A      the authority the document is about\n"
    "      --period P         the year it covers (e.g. 2018-19)\n"
    "  -o, --output FILE      write to FILE (never over an existing one)\n"
    "      --formats DIR      read the formats from DIR (default: see se(7))\n"
    "      --color WHEN       auto, always or never; this output has no"
    " colour\n"
    "  -h, --help             print this help and exit\n"
    "      --version          print the version and exit\n"
    "\n"
    "Examples:\n"
    "  se-new region midshires-se\n"
    "  se-new self-assessment --authority Anyshire --period 2018-19 \\\n"
    "      -o self-assessment.yaml\n"
    "  se-new self-evaluation --chapter send --authority Anyshire -o send.md\n"
    "  se-validate self-assessment.yaml send.md\n"
    "\n"
    "See se-new(1) for every kind and what a new document holds.\n";

enum { OPT_FRAMEWORK = 0x200, OPT_CHAPTER, OPT_AUTHORITY, OPT_PERIOD };

struct opts {
	se_cli *cli;
	se_new n;
};

static int
own_option(void *ctx, int opt, const char *arg)
{
	struct opts *o = ctx;

	switch (opt) {
	case OPT_FRAMEWORK:
		o->n.framework = arg;
		return SE_CLI_NEXT;
	case OPT_CHAPTER:
		o->n.chapter = arg;
		return SE_CLI_NEXT;
	case OPT_AUTHORITY:
		o->n.authority = arg;
		return SE_CLI_NEXT;
	case OPT_PERIOD:
		o->n.period = arg;
		return SE_CLI_NEXT;
	default:
		return se_cli_usage_error(o->cli->prog, usage,
		    "unknown option");
	}
}

static int
fail(const se_cli *cli, se_diag *d)
{
	size_t i;

	for (i = 0; i < se_diag_len(d); i++)
		fprintf(stderr, "%s: %s\n", cli->prog, se_diag_get(d, i)->message);
	return SE_EXIT_FAILURE;
}

/* A document to -o or standard output; -o named for the other syntax is
 * a usage error. */
static int
new_doc(se_cli *cli, const se_formats *f, const se_new *n, se_diag *d)
{
	int rc = se_new_write(f, n, cli->output, d);

	if (rc == 0)
		return SE_EXIT_OK;
	if (rc == -2) /* the last diagnostic says how to name it */
		return se_cli_usage_error(cli->prog, usage, "%s",
		    se_diag_get(d, se_diag_len(d) - 1)->message);
	return fail(cli, d);
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' }, SE_CLI_LONGOPTS,
		{ "framework", required_argument, NULL, OPT_FRAMEWORK },
		{ "chapter", required_argument, NULL, OPT_CHAPTER },
		{ "authority", required_argument, NULL, OPT_AUTHORITY },
		{ "period", required_argument, NULL, OPT_PERIOD },
		{ NULL, 0, NULL, 0 }
	};
	struct opts o;
	se_cli cli;
	se_formats *formats = NULL;
	se_diag *d = NULL;
	char *dir = NULL;
	int rc, status = SE_EXIT_FAILURE;

	memset(&o, 0, sizeof o);
	se_cli_init(&cli, argv[0], usage);
	cli.help = help;
	o.cli = &cli;
	rc = se_cli_parse(&cli, argc, argv, "h" SE_CLI_SHORTOPTS, longopts,
	    own_option, &o);
	if (rc != SE_CLI_NEXT)
		return rc;
	if (optind >= argc)
		return se_cli_usage_error(cli.prog, usage,
		    "name the kind of document to start, or 'region DIR'");
	o.n.kind = argv[optind];
	if (strcmp(o.n.kind, "region") == 0 ? optind + 2 != argc :
	    optind + 1 != argc)
		return se_cli_usage_error(cli.prog, usage, "%s",
		    strcmp(o.n.kind, "region") == 0 ?
		    "name the one new directory: se-new region DIR" :
		    "one kind at a time");
	d = se_diag_new();
	dir = se_formats_dir(cli.formats_dir, argv[0]);
	if (!d || !dir) {
		fprintf(stderr, "%s: out of memory\n", cli.prog);
		goto out;
	}
	if (strcmp(o.n.kind, "region") == 0) {
		status = se_new_region(dir, argv[optind + 1], d) < 0 ?
		    fail(&cli, d) : SE_EXIT_OK;
		goto out;
	}
	formats = se_formats_load(dir, d);
	if (!formats) {
		status = fail(&cli, d);
		goto out;
	}
	status = new_doc(&cli, formats, &o.n, d);
out:
	se_formats_free(formats);
	free(dir);
	se_diag_free(d);
	return status;
}
