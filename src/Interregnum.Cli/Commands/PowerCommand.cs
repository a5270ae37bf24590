using System.CommandLine;
using System.Globalization;
using Interregnum.Power;
using Spectre.Console;

namespace Interregnum.Cli.Commands;

/// <summary>
/// <c>interregnum power FILE</c>: who controls how much of each instrument of power, and each actor's capability
/// per phase, before any shock, at the point values (medians) of the scenario's numbers.
/// </summary>
internal static class PowerCommand
{
    internal static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "The scenario file (YAML or JSON)." };
        var phase = new Option<string?>("--phase")
        {
            Description = "Show the capability of one phase (crisis or settled) and order actors by it; default: both phases, scenario order.",
        };
        phase.AcceptOnlyFromAmong("crisis", "settled");
        var format = CommonOptions.Format();
        var command = new Command(
            "power",
            "Power accounting: each actor's share of each instrument (directly and through the organizations it heads, by their loyalty) and its capability per phase.")
        {
            file,
            phase,
            format,
        };
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var view = PowerRun.Compute(ScenarioFiles.Load(parse.GetValue(file)!), parse.GetValue(phase));
            switch (parse.GetValue(format))
            {
                case OutputFormat.Json:
                    stdout.WriteLine(RunJson.Serialize(PowerRun.Document(view)));
                    break;
                case OutputFormat.Csv:
                    WriteCsv(stdout, view);
                    break;
                default:
                    WriteTable(Terminal.For(stdout), view);
                    break;
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static double Capability(PowerRow row, string phase) => PowerView.Capability(row, phase);

    private static void WriteTable(IAnsiConsole console, PowerView view)
    {
        var (s, table, rows, phases) = (view.Scenario.Scenario, view.Table, view.Rows, view.Phases);
        console.Write(new Rule($"[bold]{Markup.Escape(s.Title)}[/] — power before any shock").LeftJustified());
        var t = new Table().AddColumn("actor");
        foreach (var id in table.Instruments)
        {
            t.AddColumn(new TableColumn(Markup.Escape(s.Instruments.First(i => i.Id == id).Id)).RightAligned());
        }

        foreach (var p in phases)
        {
            t.AddColumn(new TableColumn($"capability {p}").RightAligned());
        }

        foreach (var row in rows)
        {
            var label = row.ActorId == s.Incumbent ? $"{Markup.Escape(row.Name)} (incumbent)" : Markup.Escape(row.Name);
            t.AddRow([label, .. table.Instruments.Select(i => Percent(row.Share[i])), .. phases.Select(p => Number(Capability(row, p)))]);
        }

        console.Write(t);
        console.WriteLine(
            "Share: the part of all there is of each instrument that the actor controls: personal holdings, the organizations it heads " +
            "(times their loyalty to the head), and, for the incumbent in office, the office's holdings and the following of the office " +
            "and of himself. Capability: the sum over instruments of the phase's weight times the share. Point values (medians) throughout.");
    }

    private static void WriteCsv(TextWriter writer, PowerView view)
    {
        var (table, rows, phases) = (view.Table, view.Rows, view.Phases);
        // Tidy: one row per actor and measure (a share of an instrument, or the capability in a phase).
        using var csv = TidyCsv.Create(writer);
        csv.WriteHeader(["actor", "measure", "of", "value"]);

        foreach (var row in rows)
        {
            foreach (var i in table.Instruments)
            {
                Row(row.ActorId, "share", i, row.Share[i]);
            }

            foreach (var p in phases)
            {
                Row(row.ActorId, "capability", p, Capability(row, p));
            }
        }

        void Row(string actor, string measure, string of, double value) => csv.WriteRecord([actor, measure, of, value.ToString("R", CultureInfo.InvariantCulture)]);
    }

    private static string Percent(double share) => share.ToString("0.0%", CultureInfo.InvariantCulture);

    private static string Number(double x) => x.ToString("0.000", CultureInfo.InvariantCulture);
}
