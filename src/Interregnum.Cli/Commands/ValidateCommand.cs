using System.CommandLine;

namespace Interregnum.Cli.Commands;

/// <summary><c>interregnum validate FILE...</c>: checks scenario files and lists every problem found.</summary>
internal static class ValidateCommand
{
    internal static Command Create()
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "Scenario files (YAML or JSON) to check.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command(
            "validate",
            "Check scenario files: prints 'ok FILE' for each valid file; otherwise every problem as file:line:column: message on stderr (exit 1).")
        {
            files,
        };
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var allValid = true;
            foreach (var file in parse.GetValue(files) ?? [])
            {
                var problems = ScenarioFiles.Check(file);
                if (problems.Count == 0)
                {
                    stdout.WriteLine("ok " + file);
                    continue;
                }

                allValid = false;
                foreach (var problem in problems)
                {
                    stderr.WriteLine(problem);
                }
            }

            return allValid ? ExitCodes.Ok : ExitCodes.InvalidInput;
        });
        return command;
    }
}
