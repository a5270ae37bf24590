using System.CommandLine;

namespace Interregnum.Cli.Commands;

/// <summary><c>interregnum import ktab CSV</c> and <c>interregnum export ktab FILE</c>.</summary>
internal static class KtabCommands
{
    public static Command Import()
    {
        var csv = new Argument<string>("CSV") { Description = "A KTAB actor CSV (Actor, Description, Influence, <dim> Position, <dim> Salience, ...)." };
        var output = new Option<FileInfo?>("--out", "-o") { Description = "Write the scenario to this file instead of stdout." };
        var ktab = new Command("ktab", "Turn a KTAB actor CSV into a scenario file (YAML).");
        ktab.Arguments.Add(csv);
        ktab.Options.Add(output);
        ktab.SetAction(p =>
        {
            Emit(p, p.GetValue(output), KtabFiles.ImportYaml(p.GetValue(csv)!));
            return ExitCodes.Ok;
        });
        var command = new Command("import", "Import other tools' files as scenarios.");
        command.Subcommands.Add(ktab);
        return command;
    }

    public static Command Export()
    {
        var file = new Argument<string>("FILE") { Description = "Scenario file (YAML or JSON)." };
        var output = new Option<FileInfo?>("--out", "-o") { Description = "Write the CSV to this file instead of stdout." };
        var ktab = new Command("ktab", "Write a scenario's actors and dimensions as a KTAB actor CSV (point values; capability per docs/scenario-format.md).");
        ktab.Arguments.Add(file);
        ktab.Options.Add(output);
        ktab.SetAction(p =>
        {
            Emit(p, p.GetValue(output), KtabFiles.ExportCsv(ScenarioFiles.Load(p.GetValue(file)!)));
            return ExitCodes.Ok;
        });
        var command = new Command("export", "Export a scenario to other tools' formats.");
        command.Subcommands.Add(ktab);
        return command;
    }

    private static void Emit(ParseResult p, FileInfo? output, string text)
    {
        if (output is null)
        {
            p.InvocationConfiguration.Output.Write(text);
            return;
        }

        OutputFolder.Write(output.Directory ?? new DirectoryInfo("."), new Dictionary<string, Action<TextWriter>> { [output.Name] = w => w.Write(text) });
    }
}
