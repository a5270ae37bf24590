using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Interregnum.Store.Tests;

/// <summary>
/// A CrashWriter child process. It is started with this test assembly's runtimeconfig and deps files, which
/// already list the writer's assembly and the SQLite native library, so it needs no build output of its own.
/// </summary>
internal sealed class Writer : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _errors = new();
    private readonly Lock _gate = new();
    private int _stored;
    private long _committing = -1;

    private Writer(Process process) => _process = process;

    /// <summary>Runs reported stored (committed) so far.</summary>
    public int StoredCount => Volatile.Read(ref _stored);

    /// <summary>The id of the run the writer paused before committing, or -1.</summary>
    public long PausedBeforeCommit => Interlocked.Read(ref _committing);

    /// <summary>What the writer wrote to stderr.</summary>
    public string Errors
    {
        get
        {
            lock (_gate)
            {
                return _errors.ToString();
            }
        }
    }

    /// <summary>Starts a writer adding <paramref name="count"/> runs (0: until killed) to the store at <paramref name="location"/>.</summary>
    public static Writer Start(string location, string tag, int count, int values, int pauseAt = -1)
    {
        var baseDir = AppContext.BaseDirectory;
        var testAssembly = typeof(Writer).Assembly.GetName().Name!;
        var info = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "exec",
            "--runtimeconfig", Path.Combine(baseDir, testAssembly + ".runtimeconfig.json"),
            "--depsfile", Path.Combine(baseDir, testAssembly + ".deps.json"),
            Path.Combine(baseDir, "Interregnum.Store.CrashWriter.dll"),
            location, tag, count.ToString(CultureInfo.InvariantCulture), values.ToString(CultureInfo.InvariantCulture),
            pauseAt.ToString(CultureInfo.InvariantCulture),
        })
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info };
        var writer = new Writer(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.StartsWith("stored ", StringComparison.Ordinal) == true)
            {
                Interlocked.Increment(ref writer._stored);
            }
            else if (e.Data?.StartsWith("committing ", StringComparison.Ordinal) == true)
            {
                Interlocked.Exchange(ref writer._committing, long.Parse(e.Data["committing ".Length..], CultureInfo.InvariantCulture));
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (writer._gate)
                {
                    writer._errors.AppendLine(e.Data);
                }
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return writer;
    }

    /// <summary>Waits until at least <paramref name="count"/> runs are reported stored; false on timeout or exit.</summary>
    public bool WaitForStored(int count, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (StoredCount < count)
        {
            if (watch.Elapsed > timeout || _process.HasExited)
            {
                return StoredCount >= count;
            }

            Thread.Sleep(5);
        }

        return true;
    }

    /// <summary>Waits until the writer has paused before a commit; false on timeout or exit.</summary>
    public bool WaitForPause(TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (PausedBeforeCommit < 0)
        {
            if (watch.Elapsed > timeout || _process.HasExited)
            {
                return PausedBeforeCommit >= 0;
            }

            Thread.Sleep(5);
        }

        return true;
    }

    /// <summary>Kills the process with SIGKILL (no chance to clean up) and waits for it to be gone.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    /// <summary>Waits for the process to exit and returns its exit code, or -1 (after killing it) on timeout.</summary>
    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            Kill();
            return -1;
        }

        _process.WaitForExit(); // drains the redirected output
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }

    private static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }

        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return current;
        }

        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(root) && File.Exists(Path.Combine(root, "dotnet")))
        {
            return Path.Combine(root, "dotnet");
        }

        return "dotnet";
    }
}
