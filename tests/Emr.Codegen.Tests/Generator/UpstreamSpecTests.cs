using System.IO;
using System.Linq;
using Emr.Codegen.Tests.Infrastructure;

namespace Emr.Codegen.Tests.Generator
{
    /// <summary>Tencent Cloud's own api.json files, unmodified, are specs (read from shared/upstream).</summary>
    public class UpstreamSpecTests
    {
        [SharedTheory]
        [InlineData("emr-v20190103-api.intl-en.json", 77, 302, "Emr.V20190103")]
        [InlineData("emr-v20190103-api.zh-cn.json", 101, -1, "Emr.V20190103")]
        [InlineData("other-services/cvm-v20170312-api.intl-en.json", -1, -1, "Cvm.V20170312")]
        [InlineData("other-services/cbs-v20170312-api.intl-en.json", -1, -1, "Cbs.V20170312")]
        [InlineData("other-services/cdb-v20170320-api.intl-en.json", -1, -1, "Cdb.V20170320")]
        public void Unmodified_upstream_spec_generates_code_that_compiles_clean(string file, int actions, int objects, string ns)
        {
            string path = TestPaths.Upstream(file);
            var result = GeneratorHarness.Run(new[] { (path, File.ReadAllText(path)) });
            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationErrorsAndWarnings);
            var generated = result.RunResult.Results.Single().GeneratedSources;
            var metadata = result.Output.GetTypeByMetadataName(ns + ".ApiMetadata")!;
            int actionCount = metadata.GetTypeMembers().Length;
            int objectCount = generated.Count(s => s.SourceText.ToString().Contains("public sealed partial class "));
            if (actions >= 0)
            {
                Assert.Equal(actions, actionCount);
            }

            if (objects >= 0)
            {
                Assert.Equal(objects, objectCount);
            }

            Assert.True(actionCount > 0 && objectCount > actionCount, file + ": " + actionCount + " actions, " + objectCount + " objects");
        }

        [SharedFact]
        public void Upstream_create_instance_request_keeps_the_api_names_and_required_flags()
        {
            string path = TestPaths.Upstream("emr-v20190103-api.intl-en.json");
            var result = GeneratorHarness.Run(new[] { (path, File.ReadAllText(path)) });
            var type = result.Output.GetTypeByMetadataName("Emr.V20190103.CreateInstanceRequest")!;
            var productId = (Microsoft.CodeAnalysis.IPropertySymbol)type.GetMembers("ProductId").Single();
            var multiZone = (Microsoft.CodeAnalysis.IPropertySymbol)type.GetMembers("MultiZone").Single();
            Assert.True(productId.IsRequired);
            Assert.Equal("ulong", productId.Type.ToDisplayString());
            Assert.False(multiZone.IsRequired);
            Assert.Equal("bool?", multiZone.Type.ToDisplayString());
        }
    }
}
