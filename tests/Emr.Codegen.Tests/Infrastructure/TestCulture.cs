using System;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Emr.Codegen.Tests.Infrastructure
{
    /// <summary>
    /// Runs the whole suite in another culture: EMR_TEST_CULTURE=tr-TR (or de-DE, ar-SA, ...) becomes the current culture
    /// of every test thread before any test runs. The UI culture stays, so the compiler's own messages stay in English.
    /// </summary>
    internal static class TestCulture
    {
#pragma warning disable CA2255 // A test assembly's module initializer is the one place that runs before every test.
        [ModuleInitializer]
#pragma warning restore CA2255
        internal static void Apply()
        {
            string? name = Environment.GetEnvironmentVariable("EMR_TEST_CULTURE");
            if (string.IsNullOrWhiteSpace(name))
            {
                return;
            }

            CultureInfo culture = CultureInfo.GetCultureInfo(name.Trim());
            CultureInfo.DefaultThreadCurrentCulture = culture;
            CultureInfo.CurrentCulture = culture;
        }
    }
}
