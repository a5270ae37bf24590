using Spectre.Console;

namespace Interregnum.Cli;

/// <summary>Spectre.Console consoles bound to the command's writers, so that tests can capture what is printed.</summary>
internal static class Terminal
{
    /// <summary>A console writing plain text (no colours, fixed width when not a terminal) to <paramref name="writer"/>.</summary>
    public static IAnsiConsole For(TextWriter writer)
    {
        var interactive = ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!interactive)
        {
            console.Profile.Width = 160;
        }

        return console;
    }

    /// <summary>True when progress can be drawn as a live bar (stderr is a terminal).</summary>
    public static bool CanShowProgress(TextWriter stderr) => ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;

    /// <summary>Runs <paramref name="work"/> with a progress bar on stderr when it is a terminal, else silently.</summary>
    public static T WithProgress<T>(TextWriter stderr, string label, int total, Func<IProgress<int>?, T> work)
    {
        if (!CanShowProgress(stderr))
        {
            return work(null);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stderr) });
        T result = default!;
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(label, maxValue: total);
                result = work(new CallbackProgress<int>(done => task.Value = done));
            });
        return result;
    }

    /// <summary>Progress bars on <paramref name="stderr"/> for the application layer's long runs.</summary>
    public static IRunProgress Progress(TextWriter stderr) => new Bars(stderr);

    private sealed class Bars(TextWriter stderr) : IRunProgress
    {
        public T Track<T>(string label, int total, Func<IProgress<int>?, T> work) => WithProgress(stderr, label, total, work);
    }

    /// <summary>An <see cref="IProgress{T}"/> that calls back on the reporting thread (unlike <see cref="Progress{T}"/>, which posts).</summary>
    public sealed class CallbackProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
