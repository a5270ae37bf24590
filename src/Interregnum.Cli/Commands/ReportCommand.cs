using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Interregnum.Model;
using Interregnum.Reports;
using Interregnum.Simulation;
using Interregnum.Store;

namespace Interregnum.Cli.Commands;

/// <summary>
/// <c>interregnum report (FILE | --run ID) --out brief.html</c>: one self-contained HTML brief. From a file it
/// compares every shock with common random numbers, runs the sensitivity analysis of the headline shock and adds
/// the power table, the elite network, the outside view and the methods. From a stored run it rebuilds the scenario
/// from the stored text and re-runs with the stored seed, draws and model, and says whether the stored results were
/// reproduced. Nothing is written unless the whole brief is: it goes to a temporary file that is then renamed.
/// </summary>
internal static class ReportCommand
{
    private const int DefaultDraws = 10_000;
    private const int DefaultSensitivityDraws = 300;

    public static Command Create()
    {
        var file = new Argument<string?>("FILE") { Description = "Scenario file (YAML or JSON); or give --run ID.", Arity = ArgumentArity.ZeroOrOne };
        var run = new Option<long?>("--run") { HelpName = "ID", Description = "Make the brief from a stored run (see `interregnum runs list`): same scenario, seed, draws and model." };
        var output = new Option<string>("--out", "-o") { HelpName = "FILE", Description = "The HTML file to write (replaced if it exists; nothing is written on failure).", Required = true };
        var draws = new Option<int>("--draws") { HelpName = "N", Description = "Monte Carlo draws per shock.", DefaultValueFactory = _ => DefaultDraws };
        var sensitivityDraws = new Option<int>("--sensitivity-draws")
        {
            HelpName = "N",
            Description = "Draws per run of the sensitivity analysis of the headline shock, which runs the model twice per uncertain input (0 leaves it out).",
            DefaultValueFactory = _ => DefaultSensitivityDraws,
        };
        var seed = new Option<ulong>("--seed") { HelpName = "S", Description = "Random seed; the result depends on it alone.", DefaultValueFactory = _ => 1UL };
        var model = new Option<PolicyModel>("--model")
        {
            Description = "Policy model after the contest: smp (KTAB spatial model), compromise or eu; the sensitivity analysis uses the same.",
            DefaultValueFactory = _ => PolicyModel.Smp,
        };
        var shock = new Option<string?>("--shock") { HelpName = "ID", Description = "The headline shock (default: the scenario's first); every shock is compared." };
        var threads = new Option<int?>("--threads") { Description = "Worker threads (default: all cores). Never changes the result." };
        var data = CommonOptions.Data();
        var db = CommonOptions.Db();

        var command = new Command("report", "Write a self-contained HTML brief (charts embedded, nothing fetched) for a scenario file or a stored run.")
        {
            file, run, output, draws, sensitivityDraws, seed, model, shock, threads, data, db,
        };
        command.SetAction((p, ct) =>
        {
            var stdout = p.InvocationConfiguration.Output;
            var stderr = p.InvocationConfiguration.Error;
            var outPath = p.GetValue(output)!;
            var target = Target(outPath);
            var path = p.GetValue(file);
            var runId = p.GetValue(run);
            if ((path is null) == (runId is null))
            {
                throw new CliException("give a scenario FILE or --run ID (one of them)", ExitCodes.Usage);
            }

            BriefPlan plan;
            if (runId is { } id)
            {
                var given = new Option[] { draws, seed, model, shock }.Where(o => p.GetResult(o) is { Implicit: false }).Select(o => o.Name).ToList();
                if (given.Count > 0)
                {
                    throw new CliException(
                        $"--run takes the seed, draws, model and shock from the stored run; leave out {string.Join(", ", given)}", ExitCodes.Usage);
                }

                plan = BriefRun.FromRun(id, p.GetValue(db), p.GetValue(sensitivityDraws), p.GetValue(threads), p.GetResult(sensitivityDraws) is { Implicit: false });
            }
            else
            {
                var loaded = ScenarioFiles.Load(path!);
                var headline = ScenarioFiles.Shock(loaded, p.GetValue(shock));
                plan = BriefRun.FromFile(
                    loaded,
                    headline.Id,
                    new SimulationSettings(p.GetValue(draws), p.GetValue(seed), p.GetValue(model), p.GetValue(threads)),
                    p.GetValue(sensitivityDraws),
                    DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime));
            }

            var html = BriefRun.Render(plan, p.GetValue(data), p.GetValue(db), stderr, Terminal.Progress(stderr), ct);
            var bytes = WriteAtomically(outPath, target, html);
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"wrote {outPath} ({bytes:N0} bytes): {plan.Loaded.Scenario.Id}, headline shock {plan.HeadlineShockId}, {plan.Settings.Draws} draws per shock, seed {plan.Settings.Seed}, policy model {ForecastDocuments.ModelName(plan.Settings.Model)}"));
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    /// <summary>Checks where the brief goes before any work is done: an existing folder, and not a folder itself.</summary>
    private static string Target(string outPath)
    {
        var full = Path.GetFullPath(outPath);
        if (Directory.Exists(full))
        {
            throw new CliException($"{outPath} is a folder; give a file name such as {Path.Combine(outPath, "brief.html")}", ExitCodes.Usage);
        }

        var folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder))
        {
            throw new CliException($"{outPath}: the folder {folder} does not exist", ExitCodes.MissingResource);
        }

        return full;
    }

    /// <summary>Writes the brief to a temporary file beside the target and renames it into place; returns the size.</summary>
    private static long WriteAtomically(string outPath, string full, string html)
    {
        var temp = Path.Combine(Path.GetDirectoryName(full)!,
            "." + Path.GetFileName(full) + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".partial");
        var bytes = new UTF8Encoding(false).GetBytes(html);
        var moved = false;
        try
        {
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, full, overwrite: true);
            moved = true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{outPath}: cannot write the brief: {ex.Message}", ExitCodes.MissingResource);
        }
        finally
        {
            if (!moved)
            {
                File.Delete(temp);
            }
        }

        return bytes.LongLength;
    }

}
