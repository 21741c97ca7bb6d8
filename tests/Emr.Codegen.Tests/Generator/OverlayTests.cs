using System.IO;
using System.Linq;
using Emr.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Emr.Codegen.Tests.Generator
{
    /// <summary>An unmodified upstream api.json plus an overlay of our extensions, merged in order.</summary>
    public class OverlayTests
    {
        internal const string Overlay = """
            {
              "enums": {
                "ProductId": { "type": "int", "errorCode": "InvalidParameter.InvalidProductId", "values": [
                  { "value": 16, "name": "EmrV2_3_0", "document": "EMR v2.3.0" },
                  { "value": 51, "name": "StarRocksV1_4_0", "document": "STARROCKS-V1.4.0" } ] }
              },
              "actions": { "CreateInstance": { "rateLimit": 20, "errorCodes": [ { "code": "InvalidParameter.InvalidProductId", "description": "Bad product." } ] } },
              "objects": {
                "CreateInstanceRequest": {
                  "members": [ { "name": "ProductId", "enum": "ProductId" } ],
                  "rules": [ { "id": "MultiZoneNeedsVersion1", "when": { "member": "MultiZone", "equals": true }, "require": { "member": "VersionID", "equals": 1 },
                               "errorCode": "InvalidParameterValue", "severity": "error", "message": "MultiZone needs VersionID 1" } ]
                }
              }
            }
            """;

        [SharedFact]
        public void Overlay_adds_enumerations_rules_and_error_codes_to_an_upstream_spec()
        {
            string upstream = TestPaths.Upstream("emr-v20190103-api.intl-en.json");
            var result = GeneratorHarness.Run(new[] { (upstream, File.ReadAllText(upstream)), ("/specs/overlay.json", Overlay) });
            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationErrorsAndWarnings);
            var request = result.Output.GetTypeByMetadataName("Emr.V20190103.CreateInstanceRequest")!;
            var productId = (IPropertySymbol)request.GetMembers("ProductId").Single();
            Assert.Equal("Emr.V20190103.ProductId", productId.Type.ToDisplayString());
            Assert.True(productId.IsRequired);
            Assert.NotNull(request.GetMembers("MultiZone").SingleOrDefault());
            string source = result.Source(".CreateInstanceRequest.g.cs");
            Assert.Contains("\\\"id\\\":\\\"MultiZoneNeedsVersion1\\\"", source); // the rule travels in the type's spec fragment
            Assert.Contains("StarRocksV1_4_0", result.Source(".ProductId.g.cs"));
            Assert.Contains("RateLimitPerSecond = 20", result.Source(".ApiMetadata.g.cs"));
        }

        [SharedFact]
        public void Overlay_problems_are_located_in_the_overlay_file()
        {
            string upstream = TestPaths.Upstream("emr-v20190103-api.intl-en.json");
            var result = GeneratorHarness.Run(new[] { (upstream, File.ReadAllText(upstream)), ("/specs/overlay.json", Overlay.Replace("\"VersionID\"", "\"VersionId\"")) });
            Diagnostic diagnostic = Assert.Single(result.GeneratorDiagnostics);
            Assert.Equal("EMR1006", diagnostic.Id);
            Assert.Equal("/specs/overlay.json", diagnostic.Location.GetLineSpan().Path);
            Assert.Equal(11, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        }
    }
}
