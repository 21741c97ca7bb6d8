namespace Emr.Codegen.Tests.Analyzers
{
    /// <summary>A valid CreateInstance request in a method; tests replace parts of it.</summary>
    public static class RequestTemplate
    {
        public const string Usings = "using System.Collections.Generic;\nusing Emr.V20190103;\n";

        public const string Members = """
                    ProductId = 16,
                    VPCSettings = new VPCSettings { VpcId = "vpc-abcd1234", SubnetId = "subnet-abcd1234" },
                    Software = ["hive", "flink"],
                    ResourceSpec = new NewResourceSpec { MasterCount = 1, CoreCount = 2 },
                    SupportHA = 0,
                    InstanceName = "emr_test",
                    PayMode = 0,
                    Placement = new Placement { Zone = "ap-guangzhou-3" },
                    TimeSpan = 3600,
                    TimeUnit = "s",
                    LoginSettings = new LoginSettings { Password = "Emr@2019abc" },
        """;

        /// <summary>A class whose method builds the request in a local and returns it; replacements apply to the members.</summary>
        public static string Build(string extraMembers = "", string afterInitializer = "", params (string From, string To)[] replacements)
        {
            string members = Members;
            foreach (var (from, to) in replacements)
            {
                Xunit.Assert.Contains(from, members);
                members = members.Replace(from, to);
            }

            return Usings + """
                class C
                {
                    CreateInstanceRequest Make(bool flag, string text)
                    {
                        var r = new CreateInstanceRequest
                        {

                """ + members + "\n" + extraMembers + """

                        };

                """ + afterInitializer + """

                        return r;
                    }
                }
                """;
        }
    }
}
