using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Interregnum.History;
using Interregnum.History.Datasets;
using Interregnum.History.Loading;
using Interregnum.History.ReferenceClasses;
using Interregnum.History.Replication;
using Interregnum.History.Survival;
using Interregnum.Statistics;
using Spectre.Console;

namespace Interregnum.Cli.Commands;

/// <summary>
/// <c>interregnum history</c>: the outside view from historical datasets: base rates, the cases behind them,
/// tenure survival, the Jones and Olken replication, and the dataset list.
/// </summary>
internal static partial class HistoryCommand
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    internal static Command Create()
    {
        var command = new Command("history", "The outside view: historical base rates, cases, tenure survival and the Jones & Olken replication.");
        command.Subcommands.Add(BaseRatesCommand());
        command.Subcommands.Add(CasesCommand());
        command.Subcommands.Add(SurvivalCommand());
        command.Subcommands.Add(ReplicateCommand());
        command.Subcommands.Add(DatasetsCommand());
        command.Subcommands.Add(ExitRiskCommand());
        return command;
    }

    private sealed class FilterOptions
    {
        public Option<string?> Exit { get; } = new("--exit") { Description = "Manner of exit: " + string.Join(", ", ReferenceClass.ExitManners) + "." };

        public Option<string?> Entry { get; } = new("--entry") { Description = "Outgoing leader's manner of entry: " + string.Join(", ", ReferenceClass.EntryManners) + "." };

        public Option<string?> Regime { get; } = new("--regime") { Description = "GWF regime type at the exit: personal, military, party, monarchy, autocracy, democracy, or a full GWF type." };

        public Option<string?> Era { get; } = new("--era") { Description = "Year range, e.g. 1950-2015, 1990- or -1945." };

        public Option<string?> Region { get; } = new("--region") { Description = "Region: " + string.Join(", ", Regions.Names) + "." };

        public Option<double?> MinTenure { get; } = new("--min-tenure") { Description = "Minimum tenure of the outgoing leader, in years." };

        public Option<double?> MaxTenure { get; } = new("--max-tenure") { Description = "Maximum tenure of the outgoing leader, in years." };

        public void AddTo(Command command)
        {
            command.Options.Add(Exit);
            command.Options.Add(Entry);
            command.Options.Add(Regime);
            command.Options.Add(Era);
            command.Options.Add(Region);
            command.Options.Add(MinTenure);
            command.Options.Add(MaxTenure);
        }

        public ReferenceClass Read(ParseResult parse) => HistoryRun.Filter(
            parse.GetValue(Exit),
            parse.GetValue(Entry),
            parse.GetValue(Regime),
            parse.GetValue(Era),
            parse.GetValue(Region),
            parse.GetValue(MinTenure),
            parse.GetValue(MaxTenure));
    }

    private static Command BaseRatesCommand()
    {
        var filters = new FilterOptions();
        var outcome = new Option<string?>("--outcome") { Description = "Only this outcome: " + string.Join(", ", OutsideView.Outcomes) + "." };
        var format = CommonOptions.Format();
        var data = CommonOptions.Data();
        var command = new Command("base-rates", "Historical base rates (k/n, Wilson 90% interval) for a reference class.");
        filters.AddTo(command);
        command.Options.Add(outcome);
        command.Options.Add(format);
        command.Options.Add(data);
        command.SetAction(parse => Guard(parse, () =>
        {
            var rc = filters.Read(parse);
            var wanted = HistoryRun.Outcome(parse.GetValue(outcome));
            // A rate over no cases is no rate: such rows are left out and named once (as the forecast's outside view does).
            var view = HistoryRun.BaseRates(rc, wanted, parse.GetValue(data));
            var (loaded, rates, noCases) = (view.Data, view.Rates, view.NoCases);
            var output = parse.InvocationConfiguration.Output;
            switch (parse.GetValue(format))
            {
                case OutputFormat.Json:
                    output.WriteLine(RunJson.Serialize(HistoryRun.BaseRatesDocument(view)));
                    break;
                case OutputFormat.Csv:
                    WriteCsv(output, ["outcome", "category", "label", "dataset", "k", "n", "rate", "lower", "upper", "level", "method"], rates.Select(r => new[]
                    {
                        r.Outcome, r.Category, r.Label, r.Dataset, I(r.K), I(r.N), D(r.Rate), D(r.Lower), D(r.Upper), D(r.Level), r.Method,
                    }));
                    break;
                default:
                    var table = new Table().Title("Base rates: " + Markup.Escape(rc.Describe()));
                    table.AddColumns("Outcome", "Category", "k", "n", "Rate", "90% interval (Wilson)", "Dataset");

                    foreach (var r in rates)
                    {
                        table.AddRow(Markup.Escape(r.Outcome), Markup.Escape(r.Category), I(r.K), I(r.N), Pct(r.Rate), $"{Pct(r.Lower)} – {Pct(r.Upper)}", Markup.Escape(r.Dataset));
                    }

                    Render(output, table);
                    if (noCases.Count > 0)
                    {
                        output.WriteLine("note: no case in this class, so no rate, for " + string.Join(", ", noCases));
                    }

                    foreach (var note in HistoryRun.Notes(view))
                    {
                        output.WriteLine("note: " + note);
                    }

                    WriteSkipped(output, loaded);
                    break;
            }
        }));
        return command;
    }

    private static Command CasesCommand()
    {
        var filters = new FilterOptions();
        var outcome = new Option<string>("--outcome") { Description = "The outcome whose cases to list: " + string.Join(", ", OutsideView.Outcomes) + ".", Required = true };
        var category = new Option<string?>("--category") { Description = "The category counted in k (default: the first, e.g. Regular for successor-entry)." };
        var format = CommonOptions.Format();
        var data = CommonOptions.Data();
        var command = new Command("cases", "The historical cases behind a base rate (leader, country, dates).");
        filters.AddTo(command);
        command.Options.Add(outcome);
        command.Options.Add(category);
        command.Options.Add(format);
        command.Options.Add(data);
        command.SetAction(parse => Guard(parse, () =>
        {
            var rc = filters.Read(parse);
            var wanted = HistoryRun.Outcome(parse.GetValue(outcome));
            var rate = HistoryRun.Cases(rc, wanted, parse.GetValue(category), parse.GetValue(data));
            var output = parse.InvocationConfiguration.Output;
            switch (parse.GetValue(format))
            {
                case OutputFormat.Json:
                    output.WriteLine(RunJson.Serialize(HistoryRun.CasesDocument(rc, rate)));
                    break;
                case OutputFormat.Csv:
                    WriteCsv(output, ["outcome", "category", "dataset", "id", "country", "leader", "start", "end", "year", "has_outcome", "detail"], rate.Cases.Select(c => new[]
                    {
                        rate.Outcome, rate.Category, c.Dataset, c.Id, c.Country, c.Leader ?? string.Empty, Date(c.Start), Date(c.End), I(c.Year), c.HasOutcome ? "1" : "0", c.Detail,
                    }));
                    break;
                default:
                    var table = new Table().Title(Markup.Escape($"{rate.Label}: {rate.K} of {rate.N} ({rc.Describe()})"));
                    table.AddColumns("Leader", "Country", "Start", "End", "Year", "In k", "Detail");

                    foreach (var c in rate.Cases)
                    {
                        table.AddRow(Markup.Escape(c.Leader ?? string.Empty), Markup.Escape(c.Country), Date(c.Start), Date(c.End), I(c.Year), c.HasOutcome ? "yes" : "no", Markup.Escape(c.Detail));
                    }

                    Render(output, table);
                    break;
            }
        }));
        return command;
    }

    private static Command SurvivalCommand()
    {
        var by = new Option<SurvivalGrouping>("--by") { Description = "Group leaders by entry (Archigos) or regime (GWF type at the start).", DefaultValueFactory = _ => SurvivalGrouping.Entry };
        var output = new Option<FileInfo?>("--out") { Description = "Also draw the Kaplan–Meier curves with 95% bands to this PNG file." };
        var cox = new Option<bool>("--cox") { Description = "Print the Cox proportional-hazards model (age, entry decade, irregular entry, regime type) instead of the curves." };
        var irregular = new Option<bool>("--irregular") { Description = "With --cox: model the hazard of an irregular exit (other exits censored)." };
        var format = CommonOptions.Format();
        var data = CommonOptions.Data();
        var command = new Command("survival", "Leader tenure survival (Kaplan–Meier, Greenwood log-log 95% bands), the hazard of an irregular exit, and a Cox model.");
        command.Options.Add(by);
        command.Options.Add(output);
        command.Options.Add(cox);
        command.Options.Add(irregular);
        command.Options.Add(format);
        command.Options.Add(data);
        command.SetAction(parse => Guard(parse, () =>
        {
            var loaded = HistoryRun.LoadData(parse.GetValue(data));
            var writer = parse.InvocationConfiguration.Output;
            var grouping = parse.GetValue(by);
            var view = HistoryRun.Survival(loaded, grouping);
            var groups = view.Groups;
            if (parse.GetValue(output) is { } png)
            {
                HistoryRun.SaveSurvivalChart(view, png.FullName);
            }

            if (parse.GetValue(cox))
            {
                WriteCox(writer, parse.GetValue(format), HistoryRun.Cox(loaded, parse.GetValue(irregular)), parse.GetValue(irregular));
                return;
            }

            switch (parse.GetValue(format))
            {
                case OutputFormat.Json:
                    writer.WriteLine(RunJson.Serialize(HistoryRun.SurvivalDocument(view)));
                    break;
                case OutputFormat.Csv:
                    WriteCsv(writer, ["group", "time_years", "at_risk", "events", "censored", "survival", "std_error", "lower", "upper", "cumulative_hazard"], groups.SelectMany(g => g.Tenure.Steps.Select(s => new[]
                    {
                        g.Group, D(s.Time), I(s.AtRisk), I(s.Events), I(s.Censored), D(s.Survival), D(s.StandardError), D(s.Lower), D(s.Upper), D(s.CumulativeHazard),
                    })));
                    break;
                default:
                    var table = new Table().Title($"Leader tenure by {grouping.ToString().ToLowerInvariant()} (Archigos 4.1; Kaplan–Meier, 95% log-log bands)");
                    table.AddColumns("Group", "Spells", "Exits", "Median years", "In office after 1 y", "after 5 y", "after 10 y", "Irregular exits", "per 100 leader-years");

                    foreach (var g in groups)
                    {
                        table.AddRow(
                            Markup.Escape(g.Group),
                            I(g.Spells),
                            I(g.Exits),
                            g.Tenure.Median is { } m ? m.ToString("0.0", Invariant) : "–",
                            AtWithBand(g.Tenure, 1),
                            AtWithBand(g.Tenure, 5),
                            AtWithBand(g.Tenure, 10),
                            I(g.IrregularExits),
                            g.IrregularExitsPer100LeaderYears.ToString("0.00", Invariant));
                    }

                    Render(writer, table);
                    break;
            }
        }));
        return command;
    }

    private static Command ReplicateCommand()
    {
        var replicate = new Command("replicate", "Reproduce a published table from the raw data.");
        var format = CommonOptions.Format();
        var data = CommonOptions.Data();
        var jonesOlken = new Command("jones-olken", "Jones & Olken (2009) Table 5 panel B col. 1 and Table 7 panel B cols. 1 and 3 (OLS, SEs clustered by country, CR1).");
        jonesOlken.Options.Add(format);
        jonesOlken.Options.Add(data);
        jonesOlken.SetAction(parse => Guard(parse, () =>
        {
            var view = HistoryRun.JonesOlken(parse.GetValue(data));
            var tables = view.Tables;
            var writer = parse.InvocationConfiguration.Output;
            switch (parse.GetValue(format))
            {
                case OutputFormat.Json:
                    writer.WriteLine(RunJson.Serialize(HistoryRun.JonesOlkenDocument(view)));
                    break;
                case OutputFormat.Csv:
                    WriteCsv(writer, ["table", "term", "estimate", "std_error", "t", "p", "n", "k", "clusters", "r_squared", "published_estimate", "published_std_error", "published_printed"], tables.SelectMany(t => t.Fit.Coefficients.Select(c =>
                    {
                        var published = HistoryRun.Published(t.Name, c.Term);
                        return new[]
                        {
                            t.Name, c.Term, D(c.Estimate), D(c.StandardError), D(c.T), D(c.P), I(t.Fit.N), I(t.Fit.K), I(t.Fit.Clusters), D(t.Fit.RSquared),
                            published is null ? string.Empty : D(published.Estimate), published is null ? string.Empty : D(published.StandardError), published?.Printed ?? string.Empty,
                        };
                    })));
                    break;
                default:
                    foreach (var (name, fit) in tables)
                    {
                        var table = new Table().Title(Markup.Escape($"{name}: N = {fit.N}, clusters = {fit.Clusters}, K = {fit.K}, R² = {fit.RSquared.ToString("0.0000", Invariant)}"));
                        table.AddColumns("Term", "Coefficient", "SE (clustered)", "t", "p", "Published coef. (SE)", "Paper prints");

                        foreach (var c in fit.Coefficients)
                        {
                            var published = HistoryRun.Published(name, c.Term);
                            table.AddRow(
                                Markup.Escape(c.Term),
                                c.Estimate.ToString("0.000000", Invariant),
                                c.StandardError.ToString("0.000000", Invariant),
                                c.T.ToString("0.000", Invariant),
                                c.P.ToString("0.000", Invariant),
                                published is null ? "—" : $"{published.Estimate.ToString("0.000000", Invariant)} ({published.StandardError.ToString("0.000000", Invariant)})",
                                Markup.Escape(published?.Printed ?? "—"));
                        }

                        Render(writer, table);
                    }

                    writer.WriteLine("Published: the reference output in jones-olken-2009/REPLICATION.md (six decimals); paper prints: Jones and Olken (2009), Tables 5 and 7, as rounded there.");

                    WriteSkipped(writer, view.Skipped);
                    break;
            }
        }));
        replicate.Subcommands.Add(jonesOlken);
        return replicate;
    }

    private static Command DatasetsCommand()
    {
        var format = CommonOptions.Format();
        var data = CommonOptions.Data();
        var command = new Command("datasets", "The datasets Interregnum reads, where to get them, and whether each is in the data folder.");
        command.Options.Add(format);
        command.Options.Add(data);
        command.SetAction(parse => Guard(parse, () =>
        {
            var (folder, rows) = HistoryRun.DatasetList(parse.GetValue(data));
            var writer = parse.InvocationConfiguration.Output;
            switch (parse.GetValue(format))
            {
                case OutputFormat.Json:
                    writer.WriteLine(RunJson.Serialize(HistoryRun.DatasetsDocument(folder, rows)));
                    break;
                case OutputFormat.Csv:
                    WriteCsv(writer, ["key", "folder", "files", "present", "origin"], rows.Select(r => new[] { r.Dataset.Key, r.Dataset.Folder, string.Join(";", r.Dataset.Files), r.Present ? "1" : "0", r.Dataset.Origin }));
                    break;
                default:
                    var table = new Table().Title("Datasets (data folder: " + Markup.Escape(folder ?? "not set") + ")");
                    table.AddColumns("Key", "Folder / files", "Present", "Get it from");

                    foreach (var (d, present) in rows.Select(r => (r.Dataset, r.Present)))
                    {
                        table.AddRow(Markup.Escape(d.Key), Markup.Escape(string.Join(", ", d.Files.Select(f => d.Folder + "/" + f))), present ? "yes" : "no", Markup.Escape(d.Origin));
                    }

                    Render(writer, table);
                    break;
            }
        }));
        return command;
    }

    private static void WriteCox(TextWriter writer, OutputFormat format, CoxFit fit, bool irregular)
    {
        var what = irregular ? "irregular exit" : "leaving office";
        switch (format)
        {
            case OutputFormat.Json:
                writer.WriteLine(RunJson.Serialize(HistoryRun.CoxDocument(fit, irregular)));
                break;
            case OutputFormat.Csv:
                WriteCsv(writer, ["event", "term", "estimate", "std_error", "hazard_ratio", "z", "p", "subjects", "events"], fit.Coefficients.Select(c => new[]
                {
                    irregular ? "irregular-exit" : "any-exit", c.Name, D(c.Estimate), D(c.StandardError), D(c.HazardRatio), D(c.Z), D(c.P), I(fit.Subjects), I(fit.Events),
                }));
                break;
            default:
                var table = new Table().Title(Markup.Escape($"Cox model, hazard of {what} (Efron ties): {fit.Subjects} spells, {fit.Events} events, LR = {fit.LikelihoodRatio.ToString("0.0", Invariant)}"));
                table.AddColumns("Covariate", "Coefficient", "SE", "Hazard ratio", "z", "p");

                foreach (var c in fit.Coefficients)
                {
                    table.AddRow(Markup.Escape(c.Name), c.Estimate.ToString("0.0000", Invariant), c.StandardError.ToString("0.0000", Invariant), c.HazardRatio.ToString("0.000", Invariant), c.Z.ToString("0.00", Invariant), c.P.ToString("0.0000", Invariant));
                }

                Render(writer, table);
                writer.WriteLine("note: base regime type is personal (GWF type at the start of the spell); sample = spells with a known birth year and a GWF regime at the start.");
                break;
        }
    }

    private static int Guard(ParseResult parse, Action body)
    {
        var error = parse.InvocationConfiguration.Error;
        try
        {
            body();
            return ExitCodes.Ok;
        }
        catch (CliException ex)
        {
            WriteError(error, ex.Message);
            return ex.ExitCode;
        }
        catch (RunException ex)
        {
            WriteError(error, ex.Message);
            return ExitCodes.Of(ex.Failure);
        }
    }

    private static void WriteError(TextWriter error, string message)
    {
        foreach (var line in message.Split('\n'))
        {
            error.WriteLine("error: " + line);
        }
    }

    private static void Render(TextWriter writer, Table table)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 200;
        console.Write(table);
    }

    private static void WriteCsv(TextWriter writer, IReadOnlyList<string> header, IEnumerable<string[]> rows)
    {
        writer.WriteLine(string.Join(",", header.Select(Quote)));
        foreach (var row in rows)
        {
            writer.WriteLine(string.Join(",", row.Select(Quote)));
        }
    }

    private static string Quote(string value)
    {
        if (value.IndexOfAny([',', '"', '\n', '\r']) < 0)
        {
            return value;
        }

        var sb = new StringBuilder("\"");
        sb.Append(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        return sb.Append('"').ToString();
    }

    private static void WriteSkipped(TextWriter writer, HistoricalData data)
    {
        WriteSkipped(writer, data.Skipped.Count);
        foreach (var issue in data.Skipped.Take(20))
        {
            writer.WriteLine("skipped: " + issue);
        }
    }

    private static void WriteSkipped(TextWriter writer, int count)
    {
        if (count > 0)
        {
            writer.WriteLine(string.Create(Invariant, $"note: {count} malformed row(s) were skipped while loading."));
        }
    }

    private static string AtWithBand(KaplanMeierCurve curve, double years)
    {
        var step = curve.Steps.LastOrDefault(s => s.Time <= years);
        return step == default
            ? "100%"
            : $"{Pct(step.Survival)} ({Pct(step.Lower)}–{Pct(step.Upper)})";
    }

    private static string I(int value) => value.ToString(Invariant);

    private static string D(double value) => double.IsNaN(value) ? "NA" : value.ToString("R", Invariant);

    private static string Pct(double value) => double.IsNaN(value) ? "–" : (100 * value).ToString("0.0", Invariant) + "%";

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", Invariant) ?? string.Empty;
}
