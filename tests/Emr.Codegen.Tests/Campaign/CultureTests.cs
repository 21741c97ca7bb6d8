using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Emr.Codegen.Tests.Generator;
using Emr.Codegen.Tests.Infrastructure;

namespace Emr.Codegen.Tests.Campaign
{
    /// <summary>
    /// The generated API and the generator behave the same in every culture: numbers, casing and messages follow the API's
    /// invariant conventions, never the current culture (decimal commas in de-DE, the dotted capital I of tr-TR, the
    /// Arabic minus sign of ar-SA).
    /// </summary>
    public class CultureTests
    {
        public static readonly TheoryData<string> Cultures = new() { "tr-TR", "de-DE", "ar-SA" };

        private const string CustomScenarios = @"
using System.Linq;
using System.Text.Json;
using Campaign.Api;

public static class ReaderScenarios
{
" + ReaderScenarioHost.Outcome + @"
    private static string Problems(ActRequest request) => string.Join(""\n"", request.Validate().Select(p => p.ToString()));

    public static string Behaviours()
    {
        var request = new ActRequest
        {
            Ratio = -1.5, Bounded = -12.75, Weights = [-0.5, 1e-7, 1234567.25], Count = -42, Size = 18446744073709551615, Enabled = false,
            Note = ""ISTANBUL istanbul \u0130\u0131"", Names = [""I"", ""i""], Part = new Part { Ratio = 2.5e300, Label = ""x"" },
            Parts = [new Part { Ratio = -0.0 }], Root = new Node { Value = -7, Child = new Node { Value = 8 } },
        };
        string json = request.ToJson();
        string form = request.ToFormString();
        return string.Join(""\n---\n"",
            request.ToString(),
            json,
            form,
            ActRequest.FromJson(json).ToString(),
            ActRequest.FromJson(""{\""Ratio\"":\""-1.5\"",\""Count\"":\""-42\"",\""Weights\"":[\""1e3\"",-2.5E-3]}"").ToJson(),
            JsonSerializer.Serialize(JsonSerializer.Deserialize<ActRequest>(json, ApiJsonResolver.Options), ApiJsonResolver.Options),
            ActRequest.ParseForm(form).ToJson(),
            ActRequest.ParseForm(""Ratio=-1.5&Count=-42&Weights.0=1e3&Weights.1=-2.5E-3"").ToJson(),
            Problems(request),
            Outcome(() => { request.EnsureValid(); return ""valid""; }),
            Outcome(() => ActRequest.FromJson(""{\""Ratio\"":\""1,5\""}"").ToJson()),
            Outcome(() => ActRequest.ParseForm(""Ratio=1,5"").ToJson()),
            Outcome(() => ActRequest.ParseForm(""Count=%E2%88%9242"").ToJson()),
            Outcome(() => new ActRequest { Ratio = double.NegativeInfinity }.ToJson()),
            new ApiErrorCode(""invalidparameter"").Kind + "" "" + new ApiErrorCode(""InvalidParameter"").Kind);
    }
}
";

        private static readonly ReaderScenarioHost Custom = new(() => GeneratorHarness.Run(new[] { ("/specs/campaign.json", RuntimeRegressionTests.CustomSpec) }, CustomScenarios));

        private const string DefaultScenarios = @"
using System.Linq;
using Emr.V20190103;

public static class ReaderScenarios
{
    public static string Behaviours()
    {
        var request = CreateInstanceRequest.ParseForm(
            ""ProductId=99&InstanceName=emr+test+ISTANBUL&PayMode=0&TimeUnit=m&TimeSpan=18446744073709551615&SupportHA=2"" +
            ""&ResourceSpec.CoreCount=21&ResourceSpec.MasterResourceSpec.MemSize=8192&ResourceSpec.MasterResourceSpec.StorageType=-5"" +
            ""&LoginSettings.Password=Emr%402019abc&SgId=sg-ABC&DisasterRecoverGroupIds.0=a&DisasterRecoverGroupIds.1=b&MetaType=EMR_EXIST_META"");
        return string.Join(""\n---\n"",
            request.ToString(),
            request.ToJson(),
            request.ToFormString(),
            CreateInstanceRequest.FromJson(request.ToJson()).ToString(),
            string.Join(""\n"", request.Validate().Select(p => p + "" "" + p.ErrorCode + "" "" + p.RuleId)),
            new ProductId(16).ToString() + "" "" + new ProductId(-3).ToString() + "" "" + new ProductId(16).Name + "" "" + new TimeUnit(""I"").IsDefined,
            ApiMetadata.GetEndpoint(""ap-shanghai-fsi"") + "" "" + ApiMetadata.CreateInstance.RateLimitPerSecond);
    }
}
";

        private static readonly ReaderScenarioHost Default = new(() => GeneratorHarness.RunDefault(DefaultScenarios));

        private static readonly Dictionary<string, string> Invariant = new();

        private static string InvariantRun(ReaderScenarioHost host, string key)
        {
            lock (Invariant)
            {
                if (!Invariant.TryGetValue(key, out string? text))
                {
                    using (CultureScope.Use(CultureInfo.InvariantCulture.Name))
                    {
                        text = host.Run("Behaviours");
                    }

                    Invariant.Add(key, text);
                }

                return text;
            }
        }

        [Theory]
        [MemberData(nameof(Cultures))]
        public void Generated_api_behaves_the_same_in_every_culture(string culture)
        {
            string expected = InvariantRun(Custom, "custom");

            // The invariant run itself writes numbers as the API does.
            Assert.Contains("Ratio = -1.5, Bounded = -12.75, Weights = 3 items, Count = -42, Size = 18446744073709551615", expected);
            Assert.Contains("\"Weights\":[-0.5,1E-07,1234567.25]", expected);
            Assert.Contains("Bounded -12.75 must be from -10 to 10", expected);
            Assert.Contains("Ratio: '1,5' is not a finite number", expected);
            using (CultureScope.Use(culture))
            {
                Assert.Equal(expected, Custom.Run("Behaviours"));
            }
        }

        [Theory]
        [MemberData(nameof(Cultures))]
        public void Default_spec_api_behaves_the_same_in_every_culture(string culture)
        {
            string expected = InvariantRun(Default, "default");
            Assert.True(expected.Contains("CoreCount 21 must be from 0 to 20", System.StringComparison.Ordinal), expected);
            using (CultureScope.Use(culture))
            {
                Assert.Equal(expected, Default.Run("Behaviours"));
            }
        }

        // The switch of the whole suite (Infrastructure/TestCulture.cs): with EMR_TEST_CULTURE set, every test runs in it.
        [Fact]
        public async System.Threading.Tasks.Task The_suite_runs_in_the_culture_EMR_TEST_CULTURE_names()
        {
            string? name = System.Environment.GetEnvironmentVariable("EMR_TEST_CULTURE");
            Assert.Equal(string.IsNullOrWhiteSpace(name) ? CultureInfo.CurrentCulture.Name : name.Trim(), CultureInfo.CurrentCulture.Name);
            Assert.Equal(CultureInfo.CurrentCulture.Name, await System.Threading.Tasks.Task.Run(() => CultureInfo.CurrentCulture.Name));
        }

        [Theory]
        [MemberData(nameof(Cultures))]
        public void Generator_writes_the_same_code_in_every_culture(string culture)
        {
            string Generate() => string.Join("\n", GeneratorHarness.Run(new[] { ("/specs/campaign.json", RuntimeRegressionTests.CustomSpec) }).RunResult.Results.Single().GeneratedSources
                .Select(s => s.HintName + "\n" + s.SourceText));

            string expected;
            using (CultureScope.Use(CultureInfo.InvariantCulture.Name))
            {
                expected = Generate();
            }

            using (CultureScope.Use(culture))
            {
                Assert.Equal(expected, Generate());
            }
        }
    }
}
