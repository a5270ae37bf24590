using Interregnum.Store;
using Interregnum.Testing;
using Xunit;

namespace Interregnum.Cli.Tests;

/// <summary>
/// Proves the tests never touch the user's data folder or run store (issue 15, defect 9): a machine whose own
/// store holds runs (say a backtest) must not change what a test sees, and no test may write there.
/// </summary>
public sealed class TestIsolationTests
{
    [Fact]
    public void DefaultStore_InATestProcess_IsUnderTheTestsOwnTemporaryFolder()
    {
        // Given the isolation that runs before any test (tests/Shared/TestIsolation.cs)
        var user = Path.Combine(TestIsolation.UserDataFolder, "interregnum");

        // When
        var store = RunStoreFactory.DefaultSqlitePath;

        // Then
        Assert.StartsWith(TestIsolation.Root + Path.DirectorySeparatorChar, store, StringComparison.Ordinal);
        Assert.False(store.StartsWith(user, StringComparison.Ordinal), $"the default store {store} is in the user's folder");
        Assert.Null(Environment.GetEnvironmentVariable(RunStoreFactory.EnvironmentVariable));
    }

    [Fact]
    public void Simulate_WithoutDbOrNoStore_WritesTheTestStoreAndLeavesTheUsersUntouched()
    {
        // Given the user's own store (if any) as it is now
        var userStore = new FileInfo(Path.Combine(TestIsolation.UserDataFolder, "interregnum", "runs.db"));
        var before = userStore.Exists ? (userStore.Length, userStore.LastWriteTimeUtc) : default;

        // When a command that stores its run is given no store at all
        var (code, _, error) = Cli.Run("simulate", Cli.Repo("scenarios", "teaching.yaml"), "--model", "compromise", "--draws", "50", "--seed", "3");

        // Then the run went to the tests' own default store, and the user's is as it was
        Assert.True(code == 0, error);
        Assert.True(File.Exists(RunStoreFactory.DefaultSqlitePath), "the run was not stored in the tests' default store");
        userStore.Refresh();
        Assert.Equal(before, userStore.Exists ? (userStore.Length, userStore.LastWriteTimeUtc) : default);
    }
}
