using System.Runtime.CompilerServices;

namespace Interregnum.Testing;

/// <summary>
/// Keeps every test process away from the user's own files. Before any test runs, the process's idea of the
/// user's data folder (XDG_DATA_HOME, where the default run store lives: LocalApplicationData/interregnum/runs.db)
/// is pointed at a fresh temporary folder, and INTERREGNUM_DB (which would name the user's chosen store) is
/// removed, so a command run without <c>--db</c> or <c>--no-store</c> reads and writes a store of the tests' own,
/// empty at start. Tests that store runs still pass their own <c>--db</c>; this is the floor beneath them.
/// </summary>
internal static class TestIsolation
{
    /// <summary>The temporary folder standing in for the user's data folder in this test process.</summary>
    public static string Root { get; private set; } = string.Empty;

    /// <summary>The user's real local data folder, as it was before the tests replaced it (to prove it untouched).</summary>
    public static string UserDataFolder { get; private set; } = string.Empty;

    /// <summary>The INTERREGNUM_DB value the user had set, or null; removed for the tests.</summary>
    public static string? UserStoreVariable { get; private set; }

#pragma warning disable CA2255 // A test assembly is an executable: isolating it before any test is the point.
    [ModuleInitializer]
#pragma warning restore CA2255
    public static void Isolate()
    {
        if (Root.Length > 0)
        {
            return;
        }

        UserDataFolder = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        UserStoreVariable = Environment.GetEnvironmentVariable("INTERREGNUM_DB");
        Root = Directory.CreateTempSubdirectory("interregnum-tests-").FullName;
        Environment.SetEnvironmentVariable("XDG_DATA_HOME", Path.Combine(Root, "data"));
        Environment.SetEnvironmentVariable("INTERREGNUM_DB", null);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // A store another test still holds open; the temporary folder is the system's to clear.
            }
            catch (UnauthorizedAccessException)
            {
            }
        };
    }
}
