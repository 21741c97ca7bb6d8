using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Emr.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit.Abstractions;

namespace Emr.Codegen.Tests.Analyzers
{
    /// <summary>
    /// Every fix the code fixes offer, for every diagnostic the analyzers report, compiles: applied one at a time and
    /// as Fix All, on the default spec, on upstream's api.json with an overlay of rules, and on a small custom spec.
    /// </summary>
    public class CodeFixCompilesTests
    {
        private readonly ITestOutputHelper _output;

        public CodeFixCompilesTests(ITestOutputHelper output) => _output = output;

        private const string DefaultSpecRequests = RequestTemplate.Usings + """
            class Requests
            {
                static CreateInstanceRequest Valid() => new CreateInstanceRequest
                {
                    ProductId = 16, VPCSettings = new VPCSettings { VpcId = "vpc-abcd1234", SubnetId = "subnet-abcd1234" }, Software = ["hive"],
                    ResourceSpec = new NewResourceSpec(), SupportHA = 0, InstanceName = "emr_test", PayMode = 0,
                    Placement = new Placement { Zone = "ap-guangzhou-3" }, TimeSpan = 3600, TimeUnit = "s", LoginSettings = new LoginSettings { Password = "Emr@2019abc" },
                };

                static CreateInstanceRequest Enumerations() => new CreateInstanceRequest
                {
                    ProductId = 16, VPCSettings = new VPCSettings { VpcId = "vpc-abcd1234", SubnetId = "subnet-abcd1234" }, Software = ["hive"],
                    ResourceSpec = new NewResourceSpec(), SupportHA = 2, InstanceName = "emr_test", PayMode = 0,
                    Placement = new Placement { Zone = "ap-guangzhou-3" }, TimeSpan = 3600, TimeUnit = "h", LoginSettings = new LoginSettings { Password = "Emr@2019abc" },
                };

                static CreateInstanceRequest TimeUnitForPayMode() => new CreateInstanceRequest
                {
                    ProductId = 16, VPCSettings = new VPCSettings { VpcId = "vpc-abcd1234", SubnetId = "subnet-abcd1234" }, Software = ["hive"],
                    ResourceSpec = new NewResourceSpec(), SupportHA = 0, InstanceName = "emr_test", PayMode = 0,
                    Placement = new Placement { Zone = "ap-guangzhou-3" }, TimeSpan = 3600, TimeUnit = "m", LoginSettings = new LoginSettings { Password = "Emr@2019abc" },
                };

                static CreateInstanceRequest TimeSpanForSeconds() => new CreateInstanceRequest
                {
                    ProductId = 16, VPCSettings = new VPCSettings { VpcId = "vpc-abcd1234", SubnetId = "subnet-abcd1234" }, Software = ["hive"],
                    ResourceSpec = new NewResourceSpec(), SupportHA = 0, InstanceName = "emr_test", PayMode = 0,
                    Placement = new Placement { Zone = "ap-guangzhou-3" }, TimeSpan = 7200, TimeUnit = "s", LoginSettings = new LoginSettings { Password = "Emr@2019abc" },
                };

                static CreateInstanceRequest ExistingMeta() => new CreateInstanceRequest
                {
                    ProductId = 16, VPCSettings = new VPCSettings { VpcId = "vpc-abcd1234", SubnetId = "subnet-abcd1234" }, Software = ["hive"],
                    ResourceSpec = new NewResourceSpec(), SupportHA = 0, InstanceName = "emr_test", PayMode = 0,
                    Placement = new Placement { Zone = "ap-guangzhou-3" }, TimeSpan = 3600, TimeUnit = "s", LoginSettings = new LoginSettings { Password = "Emr@2019abc" },
                    MetaType = "EMR_EXIST_META",
                };

                static CreateInstanceRequest CustomMeta() => new CreateInstanceRequest
                {
                    ProductId = 16, VPCSettings = new VPCSettings { VpcId = "vpc-abcd1234", SubnetId = "subnet-abcd1234" }, Software = ["hive"],
                    ResourceSpec = new NewResourceSpec(), SupportHA = 0, InstanceName = "emr_test", PayMode = 0,
                    Placement = new Placement { Zone = "ap-guangzhou-3" }, TimeSpan = 3600, TimeUnit = "s", LoginSettings = new LoginSettings { Password = "Emr@2019abc" },
                    MetaType = MetaType.UserCustomMeta,
                };

                static CreateInstanceRequest CustomMetaSetLater()
                {
                    var r = Valid();
                    r = new CreateInstanceRequest
                    {
                        ProductId = 16, VPCSettings = new VPCSettings { VpcId = "vpc-abcd1234", SubnetId = "subnet-abcd1234" }, Software = ["hive"],
                        ResourceSpec = new NewResourceSpec(), SupportHA = 0, InstanceName = "emr_test", PayMode = 0,
                        Placement = new Placement { Zone = "ap-guangzhou-3" }, TimeSpan = 3600, TimeUnit = "s", LoginSettings = new LoginSettings { Password = "Emr@2019abc" },
                    };
                    r.MetaType = "USER_CUSTOM_META";
                    r.TimeUnit = "m";
                    return r;
                }

                static CreateInstanceRequest AutoRenewWithPayAsYouGo() => new CreateInstanceRequest
                {
                    ProductId = 16, VPCSettings = new VPCSettings { VpcId = "vpc-abcd1234", SubnetId = "subnet-abcd1234" }, Software = ["hive"],
                    ResourceSpec = new NewResourceSpec(), SupportHA = 0, InstanceName = "emr_test", PayMode = 0,
                    Placement = new Placement { Zone = "ap-guangzhou-3" }, TimeSpan = 3600, TimeUnit = "s", LoginSettings = new LoginSettings(),
                    AutoRenew = 1, SgId = "sg-abcd1234", RemoteLoginAtCreate = 1, MetaDBInfo = new CustomMetaInfo(),
                };

                static void Configure(CreateInstanceRequest r)
                {
                    r.MetaType = "EMR_EXIST_META";
                    r.PayMode = 1;
                    r.TimeUnit = "s";
                }
            }
            """;

        [Fact]
        public async Task Every_fix_compiles_on_the_default_spec()
        {
            var generated = AnalyzerVerifier.Generated(new[] { (TestPaths.DefaultSpec, File.ReadAllText(TestPaths.DefaultSpec)) });
            CodeFixHarness.Result result = await CodeFixHarness.RunAsync(new[] { ("Requests.cs", DefaultSpecRequests) }, generated: generated);
            Report(result);

            Assert.True(!result.Failures.Any(), result.Describe());
            AssertOffered(result, ("EMR0001", "enum"), ("EMR0010", "set"), ("EMR0010", "add"), ("EMR0011", "set"));

            // The object member gets its type, filled with what the rule that reads it needs; never a string.
            Assert.Contains(result.Fixes, f => f.Title.StartsWith("Add MetaDBInfo", StringComparison.Ordinal) && f.Inserted.Contains("MetaDBInfo = new CustomMetaInfo { MetaDataJdbcUrl = \"jdbc:mysql://10.0.0.1:3306/hive\" }"));
            Assert.DoesNotContain(result.Fixes, f => f.Inserted.Contains("MetaDBInfo = \""));

            // A value outside an enumeration: each of its members.
            Assert.Contains(result.Fixes, f => f.Inserted.Contains("TimeUnit = TimeUnit.Seconds,"));
            Assert.Contains(result.Fixes, f => f.Inserted.Contains("SupportHA = SupportHA.Enabled,"));

            // Set after construction: the member is added by the next statement.
            Assert.Contains(result.Fixes, f => f.Inserted.Contains("r.MetaDBInfo = new CustomMetaInfo"));
        }

        internal const string UpstreamOverlay = """
            {
              "enums": {
                "NeedMasterWan": { "type": "string", "values": [ { "value": "NEED_MASTER_WAN", "name": "Need" }, { "value": "NOT_NEED_MASTER_WAN", "name": "NotNeed" } ] },
                "MetaType": { "type": "string", "values": [ { "value": "EMR_DEFAULT_META", "name": "EmrDefaultMeta" }, { "value": "EMR_EXIST_META", "name": "EmrExistMeta" }, { "value": "USER_CUSTOM_META", "name": "UserCustomMeta" } ] },
                "AutoRenew": { "type": "int", "values": [ { "value": 0, "name": "Disabled" }, { "value": 1, "name": "Enabled" } ] },
                "DiskType": { "type": "string", "values": [ { "value": "CLOUD_SSD", "name": "CloudSsd" }, { "value": "CLOUD_PREMIUM", "name": "CloudPremium" } ] }
              },
              "objects": {
                "CreateInstanceRequest": {
                  "members": [ { "name": "NeedMasterWan", "enum": "NeedMasterWan" }, { "name": "MetaType", "enum": "MetaType" }, { "name": "AutoRenew", "enum": "AutoRenew" } ],
                  "rules": [
                    { "id": "MultiZoneNeedsVersion1", "when": { "member": "MultiZone", "equals": true }, "require": { "member": "VersionID", "equals": 1 }, "severity": "error", "message": "MultiZone needs VersionID 1" },
                    { "id": "MultiZoneNeedsSettings", "when": { "member": "MultiZone", "equals": true }, "require": { "member": "MultiZoneSettings", "present": true }, "severity": "error", "message": "MultiZone needs MultiZoneSettings" },
                    { "id": "CustomMetaNeedsDatabase", "when": { "member": "MetaType", "equals": "USER_CUSTOM_META" }, "require": { "member": "MetaDBInfo", "present": true }, "severity": "error", "message": "USER_CUSTOM_META needs MetaDBInfo" },
                    { "id": "BucketNeedsCredentials", "when": { "member": "CosBucket", "present": true }, "require": { "member": "COSSettings", "present": true }, "severity": "warning", "message": "CosBucket needs COSSettings" },
                    { "id": "BucketNeedsAutoRenew", "when": { "member": "CosBucket", "present": true }, "require": { "member": "AutoRenew", "present": true }, "severity": "info", "message": "CosBucket goes with AutoRenew" },
                    { "id": "LoadBalancerNeedsPlacement", "when": { "member": "LoadBalancerId", "present": true }, "require": { "member": "Placement", "present": true }, "severity": "error", "message": "LoadBalancerId needs Placement" },
                    { "id": "KuduNeedsExternalService", "when": { "member": "SceneName", "equals": "Hadoop-Kudu" }, "require": { "member": "ExternalService", "present": true }, "severity": "info", "message": "Hadoop-Kudu uses ExternalService" },
                    { "id": "TokenNeedsWan", "when": { "member": "ClientToken", "present": true }, "require": { "member": "NeedMasterWan", "present": true }, "severity": "warning", "message": "ClientToken goes with NeedMasterWan" },
                    { "id": "SecurityGroupNeedsCheck", "when": { "member": "SgId", "present": true }, "require": { "member": "CheckSecurity", "present": true }, "severity": "info", "message": "SgId goes with CheckSecurity" },
                    { "id": "SettingsNeedMultiZone", "when": { "member": "MultiZoneSettings", "present": true }, "require": { "member": "MultiZone", "present": true }, "severity": "warning", "message": "MultiZoneSettings goes with MultiZone" },
                    { "id": "RoleNeedsPlacementGroups", "when": { "member": "ApplicationRole", "present": true }, "require": { "member": "DisasterRecoverGroupIds", "present": true }, "severity": "info", "message": "ApplicationRole goes with DisasterRecoverGroupIds" },
                    { "id": "Version2NeedsResourceSpec", "when": { "member": "VersionID", "equals": 2 }, "require": { "member": "ResourceSpec", "present": true }, "severity": "error", "message": "VersionID 2 needs ResourceSpec" }
                  ]
                },
                "Resource": { "members": [ { "name": "DiskType", "enum": "DiskType" } ] },
                "NewResourceSpec": {
                  "rules": [ { "id": "MastersNeedSpec", "when": { "member": "MasterCount", "minimum": 1 }, "require": { "member": "MasterResourceSpec", "present": true }, "severity": "error", "message": "Masters need MasterResourceSpec" } ]
                }
              }
            }
            """;

        private const string UpstreamRequests = RequestTemplate.Usings + """
            class Requests
            {
                static CreateInstanceRequest MultiZone() => new CreateInstanceRequest
                {
                    ProductId = 16, Software = ["hive"], SupportHA = 0, InstanceName = "emr_test", PayMode = 0, TimeSpan = 3600, TimeUnit = "s",
                    LoginSettings = new LoginSettings { Password = "Emr@2019abc" }, MultiZone = true, VersionID = 3,
                };

                static CreateInstanceRequest CustomMeta() => new CreateInstanceRequest
                {
                    ProductId = 16, Software = ["hive"], SupportHA = 0, InstanceName = "emr_test", PayMode = 0, TimeSpan = 3600, TimeUnit = "s",
                    LoginSettings = new LoginSettings { Password = "Emr@2019abc" }, MetaType = "USER_CUSTOM_META",
                };

                static CreateInstanceRequest Bucket() => new CreateInstanceRequest
                {
                    ProductId = 16, Software = ["hive"], SupportHA = 0, InstanceName = "emr_test", PayMode = 0, TimeSpan = 3600, TimeUnit = "s",
                    LoginSettings = new LoginSettings { Password = "Emr@2019abc" }, CosBucket = "bucket-1250000000", LoadBalancerId = "lb-abc",
                };

                static CreateInstanceRequest Others() => new CreateInstanceRequest
                {
                    ProductId = 16, Software = ["hive"], SupportHA = 0, InstanceName = "emr_test", PayMode = 0, TimeSpan = 3600, TimeUnit = "s",
                    LoginSettings = new LoginSettings { Password = "Emr@2019abc" }, ClientToken = "token", SgId = "sg-abcd1234", ApplicationRole = "role",
                    MultiZoneSettings = [], VersionID = 2, MetaType = "EMR_TEST_META",
                };

                static CreateInstanceRequest Resources() => new CreateInstanceRequest
                {
                    ProductId = 16, Software = ["hive"], SupportHA = 0, InstanceName = "emr_test", PayMode = 0, TimeSpan = 3600, TimeUnit = "s",
                    LoginSettings = new LoginSettings { Password = "Emr@2019abc" }, ResourceSpec = new NewResourceSpec { MasterCount = 2 },
                };

                static CreateInstanceRequest Kudu()
                {
                    var r = new CreateInstanceRequest
                    {
                        ProductId = 16, Software = ["hive"], SupportHA = 0, InstanceName = "emr_test", PayMode = 0, TimeSpan = 3600, TimeUnit = "s",
                        LoginSettings = new LoginSettings { Password = "Emr@2019abc" },
                    };
                    r.SceneName = "Hadoop-Kudu";
                    return r;
                }
            }
            """;

        [SharedFact]
        public async Task Every_fix_compiles_on_the_upstream_spec_with_an_overlay()
        {
            string upstream = TestPaths.Upstream("emr-v20190103-api.intl-en.json");
            var generated = AnalyzerVerifier.Generated(new[] { (upstream, File.ReadAllText(upstream)), ("/specs/overlay.json", UpstreamOverlay) });
            CodeFixHarness.Result result = await CodeFixHarness.RunAsync(new[] { ("Requests.cs", UpstreamRequests) }, library: CodeFixHarness.Library(generated, "Emr.Upstream"));
            Report(result);

            Assert.True(!result.Failures.Any(), result.Describe());
            AssertOffered(result, ("EMR0001", "enum"), ("EMR0010", "set"), ("EMR0010", "add"), ("EMR0011", "add"), ("EMR0012", "add"));

            // Upstream's example of an object member is "无" (none): never inserted as a value.
            Assert.DoesNotContain(result.Fixes, f => f.Inserted.Contains("\"无\""));
            Assert.Contains(result.Fixes, f => f.Inserted.Contains("MetaDBInfo = new CustomMetaInfo()"));
            Assert.Contains(result.Fixes, f => f.Inserted.Contains("COSSettings = new COSSettings { CosSecretId = \"SecretId \", CosSecretKey = \"SecrectKey\" }"));
            Assert.Contains(result.Fixes, f => f.Inserted.Contains("Placement = new Placement { Zone = \"ap-guangzhou-1\" }"));
            Assert.Contains(result.Fixes, f => f.Inserted.Contains("NeedMasterWan = NeedMasterWan.Need"));
            Assert.Contains(result.Fixes, f => f.Inserted.Contains("AutoRenew = AutoRenew.Disabled"));
            Assert.Contains(result.Fixes, f => f.Inserted.Contains("CheckSecurity = 0"));
            Assert.Contains(result.Fixes, f => f.Inserted.Contains("MultiZone = false"));
            Assert.Contains(result.Fixes, f => f.Inserted.Contains("DisasterRecoverGroupIds = [\"disa-xxxxx\"]"));
            Assert.Contains(result.Fixes, f => f.Inserted.Contains("MultiZoneSettings = []"));
            Assert.Contains(result.Fixes, f => f.Inserted.Contains("r.ExternalService = []"));

            // Resource's required members, recursively, each with the spec's example where it is a value of the member's
            // type; DiskType's example (LOUD_PREMIUM) is not a member of the overlay's enumeration, so its first member.
            Assert.Contains(result.Fixes, f => f.Inserted.Contains(
                "MasterResourceSpec = new Resource { Spec = \"CVM.SA2\", StorageType = 5, DiskType = DiskType.CloudSsd, MemSize = 131072, Cpu = 2, DiskSize = 300 }"));
        }

        internal const string CustomSpec = """
            {
              "metadata": { "namespace": "Custom.Fixes" },
              "enums": {
                "Tier": { "type": "string", "values": [ { "value": "basic", "name": "Basic" }, { "value": "premium", "name": "Premium" } ] },
                "Level": { "type": "int", "values": [ { "value": 1, "name": "Low" }, { "value": 2, "name": "High" } ] }
              },
              "objects": {
                "VolumeRequest": {
                  "members": [
                    { "name": "Tier", "type": "string", "member": "string", "required": true, "enum": "Tier", "example": "basic" },
                    { "name": "Name", "type": "string", "member": "string", "required": true, "example": "vol" },
                    { "name": "Storage", "type": "object", "member": "StorageSpec", "example": "none" },
                    { "name": "Replicas", "type": "int", "member": "uint64", "example": "three", "constraints": { "minimum": 2 } },
                    { "name": "Ratio", "type": "float", "member": "float", "example": "0.75" },
                    { "name": "Encrypted", "type": "bool", "member": "bool", "example": "yes" },
                    { "name": "Zones", "type": "list", "member": "string", "example": "[\"zone-1\", \"zone-2\"]" },
                    { "name": "Levels", "type": "list", "member": "int64", "enum": "Level", "example": "[2, 9]" },
                    { "name": "Disks", "type": "list", "member": "Disk", "example": "[{}]" },
                    { "name": "Level", "type": "int", "member": "int64", "enum": "Level", "example": "9" },
                    { "name": "Offset", "type": "int", "member": "int64", "example": "-5" },
                    { "name": "Quota", "type": "int", "member": "uint64", "example": "-5" }
                  ],
                  "rules": [
                    { "id": "PremiumNeedsStorage", "when": { "member": "Tier", "equals": "premium" }, "require": { "member": "Storage", "present": true }, "severity": "error", "message": "premium needs Storage" },
                    { "id": "VolumesNeedStorage", "when": { "member": "Name", "equals": "vol" }, "require": { "member": "Storage", "present": true }, "severity": "error", "message": "a volume needs Storage" },
                    { "id": "PremiumNeedsReplicas", "when": { "member": "Tier", "equals": "premium" }, "require": { "member": "Replicas", "present": true }, "severity": "error", "message": "premium needs Replicas" },
                    { "id": "PremiumNeedsRatio", "when": { "member": "Tier", "equals": "premium" }, "require": { "member": "Ratio", "present": true }, "severity": "warning", "message": "premium needs Ratio" },
                    { "id": "PremiumNeedsEncryption", "when": { "member": "Tier", "equals": "premium" }, "require": { "member": "Encrypted", "present": true }, "severity": "info", "message": "premium needs Encrypted" },
                    { "id": "PremiumNeedsZones", "when": { "member": "Tier", "equals": "premium" }, "require": { "member": "Zones", "present": true }, "severity": "error", "message": "premium needs Zones" },
                    { "id": "PremiumNeedsLevels", "when": { "member": "Tier", "equals": "premium" }, "require": { "member": "Levels", "present": true }, "severity": "error", "message": "premium needs Levels" },
                    { "id": "PremiumNeedsDisks", "when": { "member": "Tier", "equals": "premium" }, "require": { "member": "Disks", "present": true }, "severity": "error", "message": "premium needs Disks" },
                    { "id": "PremiumNeedsLevel", "when": { "member": "Tier", "equals": "premium" }, "require": { "member": "Level", "present": true }, "severity": "error", "message": "premium needs Level" },
                    { "id": "PremiumNeedsOffset", "when": { "member": "Tier", "equals": "premium" }, "require": { "member": "Offset", "present": true }, "severity": "error", "message": "premium needs Offset" },
                    { "id": "PremiumNeedsQuota", "when": { "member": "Tier", "equals": "premium" }, "require": { "member": "Quota", "present": true }, "severity": "error", "message": "premium needs Quota" },
                    { "id": "EncryptedNeedsHalfRatio", "when": { "member": "Encrypted", "equals": true }, "require": { "member": "Ratio", "equals": 0.5 }, "severity": "error", "message": "Encrypted needs Ratio 0.5" },
                    { "id": "BigNeedsNegativeOffset", "when": { "member": "Name", "equals": "big" }, "require": { "member": "Offset", "equals": -7 }, "severity": "warning", "message": "big needs Offset -7" },
                    { "id": "BigNeedsPremium", "when": { "member": "Name", "equals": "big" }, "require": { "member": "Tier", "equals": "premium" }, "severity": "info", "message": "big needs premium" }
                  ]
                },
                "StorageSpec": {
                  "members": [
                    { "name": "Primary", "type": "object", "member": "Disk", "required": true },
                    { "name": "Tier", "type": "string", "member": "string", "required": true, "enum": "Tier", "example": "premium" },
                    { "name": "SizeGb", "type": "int", "member": "int64", "required": true, "example": "100 GB" },
                    { "name": "Encrypted", "type": "bool", "member": "bool", "required": true, "example": "true" },
                    { "name": "Labels", "type": "list", "member": "string", "required": true, "example": "label-a" },
                    { "name": "AccessKey", "type": "string", "member": "string", "required": true, "example": "Secret_2019x", "constraints": { "sensitive": true } },
                    { "name": "Backup", "type": "object", "member": "Disk" },
                    { "name": "SnapshotId", "type": "string", "member": "string", "example": "snap-1" }
                  ],
                  "rules": [
                    { "id": "BackupOrSnapshot", "require": { "anyOf": [ { "member": "Backup", "present": true }, { "member": "SnapshotId", "present": true } ] }, "severity": "warning", "message": "a Backup or a SnapshotId" }
                  ]
                },
                "Disk": {
                  "members": [
                    { "name": "Level", "type": "int", "member": "int64", "required": true, "enum": "Level", "example": "2" },
                    { "name": "Name", "type": "string", "member": "string", "required": true },
                    { "name": "Capacity", "type": "float", "member": "double", "required": true, "example": "1e3" },
                    { "name": "Next", "type": "object", "member": "Disk", "required": true }
                  ]
                }
              }
            }
            """;

        private const string CustomRequests = """
            using Custom.Fixes;

            class Requests
            {
                static VolumeRequest Premium() => new VolumeRequest { Tier = "premium", Name = "vol" };

                static VolumeRequest Settings() => new VolumeRequest { Tier = "basic", Name = "big", Encrypted = true, Ratio = 0.25, Offset = 3, Level = 7, Levels = [1, 5] };

                static VolumeRequest Later()
                {
                    var r = new VolumeRequest { Tier = Tier.Basic, Name = "vol" };
                    r.Tier = "premium";
                    return r;
                }
            }
            """;

        [Theory]
        [InlineData(LanguageVersion.Latest)]
        [InlineData(LanguageVersion.CSharp11)]
        public async Task Every_fix_compiles_on_a_custom_spec(LanguageVersion languageVersion)
        {
            var generated = AnalyzerVerifier.Generated(new[] { ("/specs/custom.json", CustomSpec) });
            string requests = languageVersion >= LanguageVersion.CSharp12 ? CustomRequests : CustomRequests.Replace("Levels = [1, 5]", "Levels = new() { 1, 5 }");
            CodeFixHarness.Result result = await CodeFixHarness.RunAsync(new[] { ("Requests.cs", requests) }, generated: generated, languageVersion: languageVersion);
            Report(result);

            Assert.True(!result.Failures.Any(), result.Describe());
            AssertOffered(result, ("EMR0001", "enum"), ("EMR0010", "set"), ("EMR0010", "add"), ("EMR0011", "set"), ("EMR0011", "add"), ("EMR0012", "set"), ("EMR0012", "add"));

            // An object: its required members, recursively, with the examples that are values of their types; a member
            // its own unconditional rule requires (Backup, the first way out of anyOf); a type that holds itself ends in null!;
            // a sensitive member is the user's to write, never the spec's sample secret.
            const string Disk = "new Disk { Level = Level.High, Name = \"\", Capacity = 1000, Next = null! }";
            Assert.Contains(result.Fixes, f => f.Inserted.Contains(
                "Storage = new StorageSpec { Primary = " + Disk + ", Tier = Tier.Premium, SizeGb = 0, Encrypted = true, Labels = " + List("\"label-a\"") + ", AccessKey = \"\", Backup = " + Disk + " }"));

            // Numbers: the example where it is a number of the type, else the minimum, else 0.
            Assert.Contains(result.Fixes, f => f.Inserted.Contains("Replicas = 2"));
            Assert.Contains(result.Fixes, f => f.Inserted.Contains("Ratio = 0.75"));
            Assert.Contains(result.Fixes, f => f.Inserted.Contains("Offset = -5"));
            Assert.Contains(result.Fixes, f => f.Inserted.Contains("Quota = 0"));
            Assert.Contains(result.Fixes, f => f.Inserted.Contains("Encrypted = false"));

            // Enumerations: a defined member; lists: the example's items that are values of the item type.
            Assert.Contains(result.Fixes, f => f.Inserted.Contains("Level = Level.Low"));
            Assert.Contains(result.Fixes, f => f.Inserted.Contains("Levels = " + List("Level.High")));
            Assert.Contains(result.Fixes, f => f.Inserted.Contains("Zones = " + List("\"zone-1\", \"zone-2\"")));
            Assert.Contains(result.Fixes, f => f.Inserted.Contains("Disks = " + List(string.Empty)));

            // Values a rule requires, written for the member's type.
            Assert.Contains(result.Fixes, f => f.Kind == "set" && f.Inserted.Contains("Ratio = 0.5,"));
            Assert.Contains(result.Fixes, f => f.Kind == "set" && f.Inserted.Contains("Offset = -7,"));

            string List(string items) => languageVersion >= LanguageVersion.CSharp12 ? "[" + items + "]" : items.Length == 0 ? "new()" : "new() { " + items + " }";
        }

        private void Report(CodeFixHarness.Result result)
        {
            _output.WriteLine(result.Diagnostics.Count + " diagnostics; fixes:");
            _output.WriteLine(result.Listing());
        }

        /// <summary>Each (diagnostic id, fix kind) was reported and offered at least one fix; every diagnostic with a fix kind got one.</summary>
        private static void AssertOffered(CodeFixHarness.Result result, params (string Id, string Kind)[] expected)
        {
            foreach (var (id, kind) in expected)
            {
                Assert.True(result.Fixes.Any(f => !f.FixAll && f.DiagnosticId == id && f.Kind == kind), "No " + kind + " fix offered for " + id + ". Fixes:" + Environment.NewLine + result.Listing());
            }

            IEnumerable<Diagnostic> withoutFix = result.Diagnostics.Where(d => d.Properties.ContainsKey(CodeFixHarness.FixKindProperty) && !result.Fixes.Any(f => f.Diagnostic.Equals(d)));
            Assert.True(!withoutFix.Any(), "Diagnostics with a fix kind but no fix: " + string.Join(Environment.NewLine, withoutFix));
        }
    }
}
