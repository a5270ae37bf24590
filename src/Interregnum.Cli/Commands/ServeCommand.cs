using System.CommandLine;
using Interregnum.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Interregnum.Cli.Commands;

/// <summary><c>interregnum serve [FOLDER]</c>: the local web workbench (docs/workbench.md).</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var folder = new Argument<DirectoryInfo>("FOLDER")
        {
            Description = "The scenario folder to list, edit and run (default: scenarios).",
            DefaultValueFactory = _ => new DirectoryInfo("scenarios"),
        };
        var port = new Option<int>("--port")
        {
            Description = "TCP port on 127.0.0.1 (0: any free port).",
            DefaultValueFactory = _ => 5077,
        };
        port.Validators.Add(r =>
        {
            // Only a whole number out of range: a value that is not a number already has the parser's one-line error.
            if (r.Tokens.Count == 1 && int.TryParse(r.Tokens[0].Value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) && value is < 0 or > 65535)
            {
                r.AddError("--port must be from 0 to 65535");
            }
        });
        var cases = new Option<DirectoryInfo?>("--cases")
        {
            Description = "The backtest cases folder the page may run (default: backtests beside FOLDER, if there is one).",
        };
        var db = CommonOptions.Db();
        var data = CommonOptions.Data();
        var command = new Command("serve", "Serve the local web workbench on 127.0.0.1: browse, edit and validate scenarios, run forecasts, open stored runs.");
        command.Arguments.Add(folder);
        command.Options.Add(port);
        command.Options.Add(cases);
        command.Options.Add(db);
        command.Options.Add(data);
        command.SetAction(async (p, ct) =>
        {
            var dir = p.GetValue(folder)!;
            if (!dir.Exists)
            {
                throw new CliException($"{dir.FullName}: no such folder", ExitCodes.MissingResource);
            }

            var caseDir = p.GetValue(cases);
            if (caseDir is { Exists: false })
            {
                throw new CliException($"{caseDir.FullName}: no such folder", ExitCodes.MissingResource);
            }

            var app = Workbench.Build(new WorkbenchOptions(dir, p.GetValue(port), p.GetValue(db), p.GetValue(data), caseDir ?? WorkbenchOptions.DefaultCases(dir)));
            await using (app.ConfigureAwait(false))
            {
                try
                {
                    await app.StartAsync(ct).ConfigureAwait(false);
                }
                catch (IOException ex)
                {
                    throw new CliException("cannot listen: " + ex.Message + " (try another --port)", ExitCodes.MissingResource);
                }

                var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
                p.InvocationConfiguration.Output.WriteLine($"Interregnum workbench on {address} serving {dir.FullName} (Ctrl+C to stop)");
                // Ctrl+C or SIGTERM: the host's console lifetime and the command line's token both end the wait.
                await app.WaitForShutdownAsync(ct).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
