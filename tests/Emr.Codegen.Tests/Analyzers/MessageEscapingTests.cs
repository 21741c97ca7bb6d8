using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Emr.Codegen.Analyzers;
using Emr.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Emr.Codegen.Tests.Analyzers
{
    /// <summary>
    /// Values in messages are C# literals: a control character, a quote or an invisible character never breaks the
    /// one-line-per-diagnostic output, in the analyzer's diagnostics and in Validate()'s problems alike; long values are cut.
    /// </summary>
    public class MessageEscapingTests
    {
        private const string Source = @"
using Emr.V20190103;

public static class Requests
{
    public static VPCSettings Vpc() => new VPCSettings { VpcId = ""vpc-abcd1234"", SubnetId = ""subnet-abcd1234"" };

    public static CreateInstanceRequest Make(string name) => new CreateInstanceRequest
    {
        ProductId = 16, VPCSettings = Vpc(), Software = [""hive""], ResourceSpec = new NewResourceSpec { MasterCount = 1, CoreCount = 2 },
        SupportHA = 0, PayMode = 0, Placement = new Placement { Zone = ""ap-guangzhou-3"" }, TimeSpan = 3600, TimeUnit = ""s"", LoginSettings = new LoginSettings { Password = ""Emr@2019abc"" },
        InstanceName = name,
    };

    public static string Problems(string name) =>
        string.Join(""|"", Make(name).Validate().Select(p => p.Message));

    public static CreateInstanceRequest Written() => new CreateInstanceRequest
    {
        ProductId = 16, VPCSettings = Vpc(), Software = [""hive""], ResourceSpec = new NewResourceSpec { MasterCount = 1, CoreCount = 2 },
        SupportHA = 0, PayMode = 0, Placement = new Placement { Zone = ""ap-guangzhou-3"" }, TimeSpan = 3600, TimeUnit = ""s"", LoginSettings = new LoginSettings { Password = ""Emr@2019abc"" },
        InstanceName = ""emr_test\n"",
    };
}";

        private static readonly Lazy<(Compilation Compilation, Assembly Assembly)> Built = new(() =>
        {
            var result = GeneratorHarness.RunDefault(Source.Replace("using Emr.V20190103;", "using System.Linq;\nusing Emr.V20190103;"));
            return (result.Output, GeneratorHarness.Load(result.Output));
        });

        private static string ValidateMessages(string name) =>
            (string)Built.Value.Assembly.GetType("Requests")!.GetMethod("Problems")!.Invoke(null, new object[] { name })!;

        [Fact]
        public async Task An_analyzer_message_shows_a_newline_as_an_escape_and_keeps_its_error_code_on_the_same_line()
        {
            ImmutableArray<Diagnostic> diagnostics = await Built.Value.Compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new RequestAnalyzer())).GetAnalyzerDiagnosticsAsync();
            Diagnostic diagnostic = Assert.Single(diagnostics);
            string message = diagnostic.GetMessage();
            Assert.Equal("EMR0003", diagnostic.Id);
            Assert.DoesNotContain("\n", message, StringComparison.Ordinal);
            Assert.StartsWith("InstanceName \"emr_test\\n\" may hold only", message, StringComparison.Ordinal);
            Assert.EndsWith("(the server returns InvalidParameter.InvalidInstanceName)", message, StringComparison.Ordinal);

            // Validate() says the same of the same value.
            Assert.Equal(message, ValidateMessages("emr_test\n"));
        }

        [Theory]
        [InlineData("emr_\"quoted\"", "InstanceName \"emr_\\\"quoted\\\"\" may hold only")]
        [InlineData("emr_back\\slash", "InstanceName \"emr_back\\\\slash\" may hold only")]
        [InlineData("emr_\r\t\0x", "InstanceName \"emr_\\r\\t\\0x\" may hold only")]
        [InlineData("emr_\u2028\u200b\u202ex", "InstanceName \"emr_\\u2028\\u200b\\u202ex\" may hold only")]
        public void Validate_shows_every_character_that_would_break_or_hide_in_a_line_as_a_CSharp_escape(string name, string start)
        {
            string messages = ValidateMessages(name);
            Assert.StartsWith(start, messages, StringComparison.Ordinal);
            Assert.DoesNotContain(messages, c => char.IsControl(c) || c == '\u2028' || c == '\u200b' || c == '\u202e');
        }

        [Fact]
        public void A_lone_surrogate_is_shown_as_its_escape()
        {
            // Built here: a theory's data would carry it through serialization, which replaces it.
            string name = "emr_" + (char)0xD800 + "x";
            Assert.StartsWith("InstanceName \"emr_\\ud800x\" may hold only", ValidateMessages(name), StringComparison.Ordinal);
        }

        [Fact]
        public void A_long_value_is_cut_with_an_ellipsis_and_its_length()
        {
            string name = new string('x', 300) + "!";
            string messages = ValidateMessages(name);
            Assert.StartsWith("InstanceName \"" + new string('x', 100) + "\"... (301 characters) must be 6 to 36 characters long", messages, StringComparison.Ordinal);
        }

        [Fact]
        public void A_surrogate_pair_stays_whole_where_a_long_value_is_cut()
        {
            string value = new string('x', 99) + "\ud83d\ude00" + "tail";
            Assert.Equal("\"" + new string('x', 99) + "\"... (105 characters)", Emr.Codegen.Runtime.Rules.SpecValue.Literal(value));
            Assert.Equal("\"a\ud83d\ude00b\"", Emr.Codegen.Runtime.Rules.SpecValue.Literal("a\ud83d\ude00b"));
        }
    }
}
