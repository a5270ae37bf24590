using System.Collections.Concurrent;

namespace Interregnum.Simulation;

/// <summary>
/// Remembers policy forecasts by the exact bargaining game they came from, so a sensitivity run re-uses the base
/// run's forecast for every draw whose game the held input did not change (an input that moves only the contest
/// changes the game only in the draws where it changes the winner). The key is the full game: model, and each
/// taking-part actor's identity, capability, positions and saliences, compared bit for bit, so a re-used forecast is exactly the
/// one the bargaining would compute. Thread-safe.
/// </summary>
internal sealed class PolicyMemo
{
    /// <summary>The memo in force for the current flow (set by <see cref="Sensitivity"/>, null elsewhere).</summary>
    /// <remarks>
    /// Flows into the Monte Carlo's parallel workers with the execution context; scoped to one sensitivity analysis, so
    /// other forecasts (and tests running beside it) never see it.
    /// </remarks>
    internal static readonly AsyncLocal<PolicyMemo?> Current = new();

    private readonly ConcurrentDictionary<GameKey, double[]> forecasts = new();

    /// <summary>Whether new games are stored (the base run) or only looked up (the held-input runs).</summary>
    public bool Recording { get; set; } = true;

    /// <summary>Games looked up and found.</summary>
    public long Hits => Interlocked.Read(ref hits);

    private long hits;

    /// <summary>The remembered forecast for a game, or the computed one (stored while recording).</summary>
    public double[] GetOrCompute(PolicyModel model, IReadOnlyList<int> members, double[] caps, double[] positions, double[] saliences, Func<double[]> compute)
    {
        var key = new GameKey(model, members, caps, positions, saliences);
        if (forecasts.TryGetValue(key, out var known))
        {
            Interlocked.Increment(ref hits);
            return (double[])known.Clone();
        }

        var forecast = compute();
        if (Recording)
        {
            forecasts.TryAdd(key, (double[])forecast.Clone());
        }

        return forecast;
    }

    private readonly struct GameKey : IEquatable<GameKey>
    {
        private readonly double[] numbers;
        private readonly int hash;

        public GameKey(PolicyModel model, IReadOnlyList<int> members, double[] caps, double[] positions, double[] saliences)
        {
            var m = members.Count;
            numbers = new double[1 + m + caps.Length + positions.Length + saliences.Length];
            numbers[0] = (double)model;
            for (var i = 0; i < m; i++)
            {
                numbers[1 + i] = members[i];
            }

            caps.CopyTo(numbers, 1 + m);
            positions.CopyTo(numbers, 1 + m + caps.Length);
            saliences.CopyTo(numbers, 1 + m + caps.Length + positions.Length);
            var h = new HashCode();
            h.Add(caps.Length);
            foreach (var x in numbers)
            {
                h.Add(BitConverter.DoubleToInt64Bits(x));
            }

            hash = h.ToHashCode();
        }

        public bool Equals(GameKey other) =>
            hash == other.hash && MemoryExtensions.SequenceEqual<long>(
                System.Runtime.InteropServices.MemoryMarshal.Cast<double, long>(numbers),
                System.Runtime.InteropServices.MemoryMarshal.Cast<double, long>(other.numbers));

        public override bool Equals(object? obj) => obj is GameKey k && Equals(k);

        public override int GetHashCode() => hash;
    }
}
