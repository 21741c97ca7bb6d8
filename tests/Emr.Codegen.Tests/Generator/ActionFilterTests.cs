using System.Collections.Generic;
using System.Linq;
using Emr.Codegen.Generator;
using Emr.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Emr.Codegen.Tests.Generator
{
    /// <summary>EmrAction items: only the named actions' types, what they reach, their error codes and metadata.</summary>
    public class ActionFilterTests
    {
        private static string Upstream => TestPaths.Upstream("emr-v20190103-api.intl-en.json");

        [SharedFact]
        public void Named_actions_generate_their_requests_responses_and_what_those_reach_only()
        {
            var result = SettingsHarness.Run(Upstream, new Dictionary<string, string> { [EmrGenerator.ActionsProperty] = "CreateInstance, DescribeInstances" });
            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationErrorsAndWarnings);
            Compilation output = result.Output;
            Assert.NotNull(output.GetTypeByMetadataName("Emr.V20190103.CreateInstanceRequest"));
            Assert.NotNull(output.GetTypeByMetadataName("Emr.V20190103.DescribeInstancesResponse"));
            Assert.NotNull(output.GetTypeByMetadataName("Emr.V20190103.NewResourceSpec")); // reached through CreateInstanceRequest.ResourceSpec
            Assert.Null(output.GetTypeByMetadataName("Emr.V20190103.ScaleOutInstanceRequest"));
            var metadata = output.GetTypeByMetadataName("Emr.V20190103.ApiMetadata")!;
            Assert.Equal(new[] { "CreateInstance", "DescribeInstances" }, metadata.GetTypeMembers().Select(t => t.Name).OrderBy(n => n));

            var all = SettingsHarness.Run(Upstream, new Dictionary<string, string>());
            int allFiles = all.RunResult.Results.Single().GeneratedSources.Length;
            int someFiles = result.RunResult.Results.Single().GeneratedSources.Length;
            Assert.True(someFiles * 3 < allFiles, someFiles + " of " + allFiles + " files");
        }

        [Fact]
        public void An_action_the_spec_does_not_define_is_an_error_at_the_specs_actions()
        {
            var result = SettingsHarness.Run(TestPaths.DefaultSpec, new Dictionary<string, string> { [EmrGenerator.ActionsProperty] = "CreateInstance,CreateCluster" });
            Diagnostic diagnostic = Assert.Single(result.GeneratorDiagnostics);
            Assert.Equal("EMR2002", diagnostic.Id);
            Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
            Assert.Contains("'CreateCluster'", diagnostic.GetMessage());
            FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
            Assert.Equal(TestPaths.DefaultSpec, span.Path);
            string line = System.IO.File.ReadAllLines(TestPaths.DefaultSpec)[span.StartLinePosition.Line];
            Assert.Contains("\"actions\"", line);
            Assert.NotNull(result.Output.GetTypeByMetadataName("Emr.V20190103.CreateInstanceRequest"));
        }
    }
}
