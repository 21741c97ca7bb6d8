using System;
using System.Diagnostics;
using System.IO;
using Emr.Codegen.Tests.Infrastructure;

namespace Emr.Codegen.Tests.Package
{
    /// <summary>Packs Emr.Codegen once, with a fresh version, into a folder feed of its own.</summary>
    public sealed class PackageFixture : IDisposable
    {
        public PackageFixture()
        {
            Root = Path.Combine(Path.GetTempPath(), "emr-codegen-package-" + Guid.NewGuid().ToString("N"));
            Feed = Path.Combine(Root, "feed");
            Packages = Path.Combine(Root, "packages");
            Version = "1.0.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff");
            Directory.CreateDirectory(Feed);
            var (exitCode, output) = Run(TestPaths.RepositoryRoot, "dotnet", "pack src/Package/Emr.Codegen.csproj -c Release -nologo -o \"" + Feed + "\" -p:Version=" + Version);
            if (exitCode != 0)
            {
                throw new InvalidOperationException("dotnet pack failed:\n" + output);
            }
        }

        public string Root { get; }

        public string Feed { get; }

        /// <summary>An empty NuGet packages folder: nothing cached from an earlier build of the package.</summary>
        public string Packages { get; }

        public string Version { get; }

        public static (int ExitCode, string Output) Run(string directory, string file, string arguments, params (string Name, string Value)[] environment)
        {
            var start = new ProcessStartInfo(file, arguments)
            {
                WorkingDirectory = directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            foreach (var (name, value) in environment)
            {
                start.Environment[name] = value;
            }

            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output + error.Result);
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
