namespace Wijkaanpak.Benchmarks;

/// <summary>Median and 95th percentile (nearest rank) of repeated measurements.</summary>
internal readonly record struct Statistics(double Median, double P95, int Runs)
{
    public static Statistics Of(IReadOnlyCollection<double> samples)
    {
        var sorted = samples.Order().ToArray();
        return new Statistics(Rank(sorted, 0.50), Rank(sorted, 0.95), sorted.Length);
    }

    private static double Rank(double[] sorted, double fraction) =>
        sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];
}
