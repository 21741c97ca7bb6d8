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

        /// <summary>
        /// The shared/ folder with Tencent Cloud's upstream files, beside the repository
        /// (or EMR_SHARED_DIR). Tests that need it fail with this message when it is missing.
        /// </summary>
        public static string Shared
        {
            get
            {
                string path = Environment.GetEnvironmentVariable("EMR_SHARED_DIR") ?? Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));
                if (!Directory.Exists(Path.Combine(path, "upstream")))
                {
                    throw new InvalidOperationException(
                        "This test reads Tencent Cloud's upstream spec files and the seed from the shared/ folder, expected at '" + path +
                        "' (beside the repository, or set EMR_SHARED_DIR). It is not in the repository; put it there to run this test.");
                }

                return path;
            }
        }

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
