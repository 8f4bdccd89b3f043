/* ic-cli-report.c — `report impact`: the figures a programme reports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gunixoutputstream.h>

#include "ic-cli-private.h"
#include "ic-impact-report.h"
#include "ic-store-impact.h"

static int
report_impact (IcCli  *cli,
               int     argc,
               char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcImpact) impact = NULL;
  g_autoptr(IcTaxonomy) taxonomy = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *cluster = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("The first day of the period"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("The last day of the period (included)"), N_("YYYY-MM-DD") },
    { "cluster", 0, 0, G_OPTION_ARG_STRING, &cluster, N_("Only this cluster (its id)"), N_("ID") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name, N_("json (the default), csv, xlsx or pdf"),
      N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE (“-” or none: standard output)"),
      N_("FILE") },
    { NULL }
  };
  const IcCliCommandSpec spec = { NULL, entries, 0, 0, NULL, IC_CLI_STORE_LATER };
  IcExportFormat format = IC_EXPORT_FORMAT_JSON;
  gboolean ok;
  int status;

  if (!ic_cli_begin (cli, &spec, &argc, &argv, &status))
    return status;
  if (from == NULL || to == NULL)
    return ic_cli_usage_error (cli, _("say the period with --from YYYY-MM-DD and --to YYYY-MM-DD"));
  if (format_name != NULL && !ic_export_format_from_string (format_name, &format))
    return ic_cli_usage_error (cli, _("--format must be json, csv, xlsx or pdf"));
  if (format == IC_EXPORT_FORMAT_XLSX && (output == NULL || g_str_equal (output, "-")))
    return ic_cli_usage_error (cli, _("a workbook needs -o FILE"));

  if (ic_cli_open_store (cli, FALSE, &error) == NULL)
    return ic_cli_fail (error);
  taxonomy = ic_store_dup_taxonomy (cli->store);
  if (cluster != NULL && ic_taxonomy_get_cluster_name (taxonomy, cluster) == NULL)
    {
      g_printerr (_("interchange-cli: --cluster: “%s” is not a cluster; `interchange-cli taxonomy "
                    "list` shows them\n"), cluster);
      return IC_CLI_EXIT_USER_ERROR;
    }
  impact = ic_store_compute_impact (cli->store, from, to, cluster, NULL, &error);
  if (impact == NULL)
    return ic_cli_fail (error);

  if (output == NULL || g_str_equal (output, "-"))
    {
      g_autoptr(GOutputStream) stream = g_unix_output_stream_new (1, FALSE);

      ok = ic_impact_write_to_stream (impact, taxonomy, format, stream, NULL, &error);
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);

      ok = ic_impact_export (impact, taxonomy, format, file, NULL, &error);
    }
  if (!ok)
    return ic_cli_fail (error);
  return IC_CLI_EXIT_OK;
}

int
ic_cli_report (IcCli  *cli,
               int     argc,
               char  **argv)
{
  static const IcCliCommand subcommands[] = {
    { "impact", report_impact, N_("Collaborations, SMEs assisted, events and meetings over a period") },
    { NULL, NULL, NULL }
  };

  return ic_cli_run_subcommand (cli, subcommands, N_("say impact"), argc, argv);
}
