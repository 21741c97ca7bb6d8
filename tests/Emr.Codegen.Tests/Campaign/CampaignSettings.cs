using System;
using System.Globalization;
using System.Linq;

namespace Emr.Codegen.Tests.Campaign
{
    /// <summary>
    /// The campaign's size, from the environment: <c>EMR_CAMPAIGN_SPECS</c> mutated specs in the fixed-seed run (default
    /// 5,000, the CI run), <c>EMR_CAMPAIGN_FRESH_SPECS</c> in the fresh-seed run (default 200), <c>EMR_CAMPAIGN_SEED</c>
    /// to replay a fresh-seed failure (CsCheck prints the seed), <c>EMR_CAMPAIGN_THREADS</c> (default: the processor count),
    /// <c>EMR_CAMPAIGN_ONLY</c> (comma-separated mutant numbers of the fixed-seed run, to replay its failures).
    /// </summary>
    internal static class CampaignSettings
    {
        /// <summary>The fixed seed of the CI run: the same mutants on every run and every machine.</summary>
        public const ulong FixedSeed = 20261130;

        public static int Specs => Integer("EMR_CAMPAIGN_SPECS", 5000);

        public static int FreshSpecs => Integer("EMR_CAMPAIGN_FRESH_SPECS", 200);

        public static string? FreshSeed => Environment.GetEnvironmentVariable("EMR_CAMPAIGN_SEED") is { Length: > 0 } seed ? seed : null;

        /// <summary>The fixed-seed mutants to run: all of them, or the ones EMR_CAMPAIGN_ONLY names.</summary>
        public static int[] FixedIndices => Environment.GetEnvironmentVariable("EMR_CAMPAIGN_ONLY") is { Length: > 0 } only
            ? Array.ConvertAll(only.Split(','), part => int.Parse(part.Trim(), NumberStyles.None, CultureInfo.InvariantCulture))
            : Enumerable.Range(0, Specs).ToArray();

        public static int Threads => Integer("EMR_CAMPAIGN_THREADS", Environment.ProcessorCount);

        private static int Integer(string name, int fallback)
        {
            string? text = Environment.GetEnvironmentVariable(name);
            if (string.IsNullOrEmpty(text))
            {
                return fallback;
            }

            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value > 0
                ? value
                : throw new InvalidOperationException(name + " must be a positive whole number, not '" + text + "'.");
        }
    }
}
