using System.Globalization;
using Interregnum.Store;

namespace Interregnum.Store.CrashWriter;

/// <summary>
/// Writes runs to a store: <c>CrashWriter LOCATION TAG COUNT [VALUES]</c> adds COUNT runs (0: until killed), each
/// a <see cref="Payload.Run"/>, and prints <c>stored ID INDEX</c> after each commit.
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
        using var store = RunStoreFactory.Open(location);
        Console.Out.WriteLine("ready");
        Console.Out.Flush();
        for (var i = 0; count == 0 || i < count; i++)
        {
            var id = store.Add(Payload.Run(tag, i, values));
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stored {id} {i}"));
            Console.Out.Flush();
        }

        return 0;
    }
}
