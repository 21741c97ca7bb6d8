using System;
using System.IO;

namespace Emr.Codegen.Tests.Infrastructure
{
    /// <summary>Where the repository, its default spec and the read-only shared/ folder are.</summary>
    public static class TestPaths
    {
        public static string RepositoryRoot { get; } = FindRoot();

        public static string DefaultSpec => Path.Combine(RepositoryRoot, "spec", "emr-createinstance.spec.json");

        public static string SpecSchema => Path.Combine(RepositoryRoot, "spec", "emr-spec.schema.json");

        /// <summary>Where the shared/ folder is looked for: EMR_SHARED_DIR, or beside the repository.</summary>
        public static string SharedLocation { get; } = Environment.GetEnvironmentVariable("EMR_SHARED_DIR") is { Length: > 0 } set
            ? set
            : Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

        /// <summary>
        /// Why the tests that read shared/ cannot run, or null when it is there. A fresh clone has no shared/: those tests
        /// are skipped with this reason (<see cref="SharedFactAttribute"/>), and <c>.ci/run</c> refuses to run without it.
        /// </summary>
        public static string? SharedMissingReason { get; } =
            Directory.Exists(Path.Combine(SharedLocation, "upstream")) && Directory.Exists(Path.Combine(SharedLocation, "seed"))
                ? null
                : "needs the shared/ folder (Tencent Cloud's upstream api.json and examples files, and the CreateInstance documentation seed), " +
                  "which is not part of the repository: expected at '" + SharedLocation + "' (beside the clone), or set EMR_SHARED_DIR to it. " +
                  "Its upstream/README.md names each file's source (Tencent Cloud's tccli and SDK repositories on GitHub).";

        /// <summary>The shared/ folder; only tests marked <see cref="SharedFactAttribute"/> or <see cref="SharedTheoryAttribute"/> read it.</summary>
        public static string Shared => SharedMissingReason is { } reason ? throw new InvalidOperationException("This test " + reason) : SharedLocation;

        public static string Upstream(string name) => Path.Combine(Shared, "upstream", name);

        public static string Seed => Directory.GetFiles(Path.Combine(Shared, "seed"))[0];

        private static string FindRoot()
        {
            string? directory = AppContext.BaseDirectory;
            while (directory != null && !File.Exists(Path.Combine(directory, "Emr.Codegen.sln")))
            {
                directory = Path.GetDirectoryName(directory);
            }

            return directory ?? throw new InvalidOperationException("Emr.Codegen.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
