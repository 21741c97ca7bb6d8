using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Emr.Codegen.Tests.Infrastructure;

namespace Emr.Codegen.Tests.Package
{
    /// <summary>A real consumer of the packed package, built with dotnet build: regeneration when its spec changes.</summary>
    public class ConsumerBuildTests : IClassFixture<PackageFixture>
    {
        private readonly PackageFixture _package;

        public ConsumerBuildTests(PackageFixture package) => _package = package;

        private string NewConsumer(string items, string program)
        {
            string directory = Path.Combine(_package.Root, "consumer-" + Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, "nuget.config"), """
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <add key="emr-codegen-local" value="FEED" />
                  </packageSources>
                </configuration>
                """.Replace("FEED", _package.Feed));
            File.WriteAllText(Path.Combine(directory, "Consumer.csproj"), """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Emr.Codegen" Version="VERSION" />
                    ITEMS
                  </ItemGroup>
                </Project>
                """.Replace("VERSION", _package.Version).Replace("ITEMS", items));
            File.WriteAllText(Path.Combine(directory, "Program.cs"), program);
            return directory;
        }

        private (int ExitCode, string Output) Build(string directory) =>
            PackageFixture.Run(directory, "dotnet", "build -nologo -clp:NoSummary", ("NUGET_PACKAGES", _package.Packages));

        private static string[] Diagnostics(string output) =>
            Regex.Matches(output, @"(?:warning|error) (EMR\d{4}): (.*?)(?: \(https?://[^)]*\))? \[").Select(m => m.Groups[1].Value + ": " + m.Groups[2].Value).Distinct().OrderBy(s => s).ToArray();

        private static string Generated(string directory, string file) =>
            File.ReadAllText(Directory.GetFiles(Path.Combine(directory, "obj"), file, SearchOption.AllDirectories).Single());

        private const string Request = """
            using Emr.V20190103;
            var request = new CreateInstanceRequest
            {
                ProductId = 16, VPCSettings = new VPCSettings { VpcId = "vpc-1", SubnetId = "subnet-1" }, Software = ["hive"],
                ResourceSpec = new NewResourceSpec(), SupportHA = 2, InstanceName = "emr_test", PayMode = 0,
                Placement = new Placement { Zone = "ap-guangzhou-3" }, TimeSpan = 7200, TimeUnit = "s",
                LoginSettings = new LoginSettings { Password = "Emr@2019abc" },
            };
            Console.WriteLine(request.ToJson());
            """;

        [Fact]
        public void Editing_the_spec_changes_generated_code_and_diagnostics_on_the_next_build_without_a_clean()
        {
            string directory = NewConsumer("<EmrSpec Include=\"api.spec.json\" />", Request);
            string specPath = Path.Combine(directory, "api.spec.json");
            string spec = File.ReadAllText(TestPaths.DefaultSpec);
            File.WriteAllText(specPath, spec);

            var first = Build(directory);
            Assert.True(first.ExitCode == 0, first.Output);
            string[] before = Diagnostics(first.Output);
            Assert.Contains(before, d => d.StartsWith("EMR0001: SupportHA 2 ", StringComparison.Ordinal));
            Assert.Contains(before, d => d.StartsWith("EMR0010: With TimeUnit \"s\", TimeSpan must be 3600", StringComparison.Ordinal));
            Assert.DoesNotContain("Standby", Generated(directory, "Emr.V20190103.SupportHA.g.cs"));

            // Add a SupportHA value, relax a rule, add a member.
            string edited = spec
                .Replace("\"name\": \"Enabled\",\n          \"document\": \"Nodes with high availability.\"\n        }", "\"name\": \"Enabled\",\n          \"document\": \"Nodes with high availability.\"\n        },\n        {\n          \"value\": 2,\n          \"name\": \"Standby\",\n          \"document\": \"A value added by this test.\"\n        }")
                .Replace("\"member\": \"TimeSpan\",\n            \"equals\": 3600", "\"member\": \"TimeSpan\",\n            \"minimum\": 3600")
                .Replace("\"name\": \"ApplicationRole\",", "\"name\": \"MultiZone\",\n          \"type\": \"bool\",\n          \"member\": \"bool\",\n          \"required\": false,\n          \"document\": \"Deploy across availability zones.\"\n        },\n        {\n          \"name\": \"ApplicationRole\",");
            Assert.NotEqual(spec, edited);
            Assert.Contains("\"minimum\": 3600", edited);
            Assert.Contains("MultiZone", edited);
            File.WriteAllText(specPath, edited);

            var second = Build(directory);
            Assert.True(second.ExitCode == 0, second.Output);
            string[] after = Diagnostics(second.Output);
            Assert.DoesNotContain(after, d => d.StartsWith("EMR0001", StringComparison.Ordinal));
            Assert.DoesNotContain(after, d => d.StartsWith("EMR0010", StringComparison.Ordinal));
            Assert.Contains("Standby", Generated(directory, "Emr.V20190103.SupportHA.g.cs"));
            Assert.Contains("public bool? MultiZone { get; set; }", Generated(directory, "Emr.V20190103.CreateInstanceRequest.g.cs"));
        }

        [SharedFact]
        public void The_newest_upstream_spec_with_an_overlay_replaces_the_default()
        {
            string upstream = TestPaths.Upstream("emr-v20190103-api.intl-en.json");
            string directory = NewConsumer(
                "<EmrSpec Include=\"" + upstream + "\" />\n<EmrSpec Include=\"overlay.json\" />",
                """
                using Emr.V20190103;
                var request = new CreateInstanceRequest
                {
                    ProductId = ProductId.StarRocksV1_4_0, Software = ["starrocks"], SupportHA = 0, InstanceName = "emr_test", PayMode = 0,
                    TimeSpan = 3600, TimeUnit = "s", LoginSettings = new LoginSettings { Password = "Emr@2019abc" },
                    MultiZone = true, VersionID = 0,
                };
                Console.WriteLine(request.ToJson());
                """);
            File.WriteAllText(Path.Combine(directory, "overlay.json"), Generator.OverlayTests.Overlay);
            var build = Build(directory);
            Assert.True(build.ExitCode == 0, build.Output);

            // VPCSettings, ResourceSpec and Placement became optional upstream; the overlay's rule sees MultiZone.
            string[] diagnostics = Diagnostics(build.Output);
            Assert.Equal(new[] { "EMR0010: MultiZone needs VersionID 1 (VersionID = 0, MultiZone = true) (the server returns InvalidParameterValue)" }, diagnostics);
            string request = Generated(directory, "Emr.V20190103.CreateInstanceRequest.g.cs");
            Assert.Contains("public global::Emr.V20190103.VPCSettings? VPCSettings { get; set; }", request);
            Assert.Contains("public bool? MultiZone { get; set; }", request);
        }

        [Fact]
        public void A_missing_spec_file_is_a_build_error_that_names_it()
        {
            string directory = NewConsumer("<EmrSpec Include=\"not-there.json\" />", "System.Console.WriteLine();");
            var build = Build(directory);
            Assert.NotEqual(0, build.ExitCode);
            Assert.Contains("error EMR2001: The API spec file 'not-there.json' named by an EmrSpec item does not exist", build.Output);
        }

        [Fact]
        public void The_package_alone_brings_the_default_spec()
        {
            string directory = NewConsumer(string.Empty, Request.Replace("SupportHA = 2", "SupportHA = 0").Replace("TimeSpan = 7200", "TimeSpan = 3600"));
            var build = Build(directory);
            Assert.True(build.ExitCode == 0, build.Output);
            Assert.Empty(Diagnostics(build.Output));
            Assert.DoesNotContain("warning", build.Output);
        }
    }
}
