using System.Globalization;
using Interregnum.Store;

namespace Interregnum.Store.CrashWriter;

/// <summary>
/// Writes runs to a store: <c>CrashWriter LOCATION TAG COUNT [VALUES [PAUSE_AT]]</c> adds COUNT runs (0: until
/// killed), each a <see cref="Payload.Run"/>, and prints <c>stored ID INDEX</c> after each commit. With PAUSE_AT,
/// the run of that index prints <c>committing ID</c> once its rows are written and then waits, uncommitted, to be killed.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length < 3)
        {
            Console.Error.WriteLine("usage: CrashWriter LOCATION TAG COUNT [VALUES]");
            return 2;
        }

        var location = RunStoreFactory.Resolve(args[0], null, args[0]);
        var tag = args[1];
        var count = int.Parse(args[2], CultureInfo.InvariantCulture);
        var values = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : Payload.DefaultValues;
        var pauseAt = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : -1;
        using var store = RunStoreFactory.Open(location);
        var index = 0;
        ((SqlRunStore)store).BeforeCommit = id =>
        {
            if (index == pauseAt)
            {
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"committing {id}"));
                Console.Out.Flush();
                Thread.Sleep(Timeout.Infinite);
            }
        };
        Console.Out.WriteLine("ready");
        Console.Out.Flush();
        for (; count == 0 || index < count; index++)
        {
            var id = store.Add(Payload.Run(tag, index, values));
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stored {id} {index}"));
            Console.Out.Flush();
        }

        return 0;
    }
}
