using System.CommandLine;
using Interregnum.Scenarios;
using Interregnum.Scenarios.Ktab;

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
            var path = p.GetValue(csv)!;
            var game = ReadGame(path);
            var yaml = KtabScenarioMapping.ToScenarioYaml(game, path);
            var check = ScenarioReader.ReadText(yaml, Path.GetFileNameWithoutExtension(path) + ".yaml");
            if (!check.IsValid)
            {
                throw new CliException(
                    $"{path}: the KTAB game cannot be written as a valid scenario:" + Environment.NewLine +
                    string.Join(Environment.NewLine, check.Errors.Select(e => e.Message)));
            }

            Emit(p, p.GetValue(output), yaml);
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
            var loaded = ScenarioFiles.Load(p.GetValue(file)!);
            var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            KtabCsv.Write(KtabScenarioMapping.FromScenario(loaded.Scenario), writer);
            Emit(p, p.GetValue(output), writer.ToString());
            return ExitCodes.Ok;
        });
        var command = new Command("export", "Export a scenario to other tools' formats.");
        command.Subcommands.Add(ktab);
        return command;
    }

    /// <summary>Reads a KTAB CSV or fails with every problem as file:line:column.</summary>
    public static KtabGame ReadGame(string path)
    {
        if (Directory.Exists(path))
        {
            throw new CliException($"{path}: is a folder; give a KTAB CSV file inside it");
        }

        if (!File.Exists(path))
        {
            throw new CliException($"{path}: no such file", ExitCodes.MissingResource);
        }

        var read = KtabCsv.Read(path);
        if (!read.Succeeded)
        {
            throw new CliException(string.Join(Environment.NewLine, read.Errors.Select(e => e.ToString())));
        }

        return read.Game!;
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
