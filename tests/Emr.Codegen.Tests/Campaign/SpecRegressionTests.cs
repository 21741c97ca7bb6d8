using System;
using System.Collections.Generic;
using System.Linq;
using Emr.Codegen.Spec;
using Emr.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Emr.Codegen.Tests.Campaign
{
    /// <summary>
    /// One test per problem the spec campaign found (or the issue listed): each mutant, cut down to what matters. Every one
    /// checks the campaign's guarantees (no generator exception, a located spec error, the rest generated and compiling).
    /// </summary>
    public class SpecRegressionTests
    {
        private const string Path = "/specs/regression.json";

        /// <summary>A spec with one action and the given extra objects and enumerations (JSON members of "objects" / "enums").</summary>
        private static string Spec(string objects = "", string enums = "", string metadata = "\"namespace\": \"Reg.Api\"") =>
            "{\"metadata\": {" + metadata + "},\n \"enums\": {" + enums + "},\n \"actions\": {\"Act\": {\"input\": \"ActRequest\", \"output\": \"ActResponse\"}},\n" +
            " \"objects\": {\"ActRequest\": {\"members\": [{\"name\": \"A\", \"type\": \"string\", \"member\": \"string\"}]},\n" +
            "  \"ActResponse\": {\"members\": [{\"name\": \"RequestId\", \"type\": \"string\", \"member\": \"string\"}]}" + (objects.Length > 0 ? ",\n  " + objects : string.Empty) + "}}";

        private static GeneratorHarness.Result Generate(string spec, params string[] expectedIds)
        {
            GeneratorHarness.Result result = GeneratorHarness.Run(new[] { (Path, spec) });
            GeneratorRunResult run = result.RunResult.Results.Single();
            Assert.Null(run.Exception);
            Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "CS8785");
            Assert.Equal(expectedIds.OrderBy(i => i), result.GeneratorDiagnostics.Select(d => d.Id).OrderBy(i => i));
            Assert.All(result.GeneratorDiagnostics, d =>
            {
                Assert.Equal(DiagnosticSeverity.Error, d.Severity);
                Assert.Equal(Path, d.Location.GetLineSpan().Path);
            });
            Assert.Equal(run.GeneratedSources.Length, run.GeneratedSources.Select(s => s.HintName).Distinct(StringComparer.OrdinalIgnoreCase).Count());
            Assert.Empty(result.CompilationErrorsAndWarnings);
            return result;
        }

        private static (int Line, int Column) Position(Diagnostic diagnostic)
        {
            var start = diagnostic.Location.GetLineSpan().StartLinePosition;
            return (start.Line + 1, start.Character + 1);
        }

        [Fact]
        public void Objects_whose_names_differ_only_by_case_are_reported_and_the_rest_still_generates()
        {
            // Before: both generated, their hint names clashed (Roslyn compares them ignoring case) and all output was lost.
            var result = Generate(Spec("\"Disk\": {\"members\": []},\n  \"DISK\": {\"members\": []}"), "EMR1004");
            Diagnostic diagnostic = result.GeneratorDiagnostics.Single();
            Assert.Equal((7, 11), Position(diagnostic));
            Assert.Contains("only by letter case", diagnostic.GetMessage());
            Assert.NotNull(result.Output.GetTypeByMetadataName("Reg.Api.Disk"));
            Assert.Null(result.Output.GetTypeByMetadataName("Reg.Api.DISK"));
            Assert.NotNull(result.Output.GetTypeByMetadataName("Reg.Api.ActRequest"));
        }

        [Fact]
        public void Enumerations_whose_names_differ_only_by_case_are_reported()
        {
            const string values = "{\"type\": \"int\", \"values\": [{\"name\": \"One\", \"value\": 1}]}";
            var result = Generate(Spec(enums: "\"Mode\": " + values + ", \"MODE\": " + values), "EMR1004");
            Assert.NotNull(result.Output.GetTypeByMetadataName("Reg.Api.Mode"));
            Assert.Null(result.Output.GetTypeByMetadataName("Reg.Api.MODE"));
        }

        [Fact]
        public void An_object_whose_name_differs_from_an_enumeration_only_by_case_is_reported()
        {
            var result = Generate(Spec("\"mode\": {\"members\": []}, \"MoDe\": {\"members\": []}", "\"Mode\": {\"type\": \"int\", \"values\": []}"), "EMR1008", "EMR1004");
            Assert.Contains(result.GeneratorDiagnostics, d => d.Id == "EMR1004" && d.GetMessage().Contains("enumeration 'Mode'", StringComparison.Ordinal));
        }

        [Theory]
        [InlineData("ApiErrorCode")]
        [InlineData("APIERRORCODE")]
        [InlineData("Apierrorcode")]
        [InlineData("ApiErrorCodeKind")]
        [InlineData("ApiMetadata")]
        [InlineData("APIMETADATA")]
        [InlineData("ApiJsonResolver")]
        public void Generated_helper_names_are_reserved_in_any_case(string name)
        {
            // Before: an object named like a generated file passed; its hint name clashed with the helper's and all output was lost.
            var result = Generate(Spec("\"" + name + "\": {\"members\": []}"), "EMR1008");
            Assert.Contains("is the name of a type the generator adds to the spec's namespace", result.GeneratorDiagnostics.Single().GetMessage());
            Assert.NotNull(result.Output.GetTypeByMetadataName("Reg.Api.ActRequest"));
        }

        [Theory]
        [InlineData("ApiHelpers")]
        [InlineData("ApiJson")]
        [InlineData("ApiClientRuntime")]
        [InlineData("EmrCodegenRules")]
        [InlineData("ApiObject")]
        [InlineData("ApiType")]
        [InlineData("IApiValue")]
        [InlineData("ApiValidationProblem")]
        public void Names_of_the_runtimes_types_are_free_for_the_spec(string name)
        {
            // The shared code lives in Emr.Codegen.Runtime now: nothing of it is written into the spec's namespace.
            var result = Generate(Spec("\"" + name + "\": {\"members\": [{\"name\": \"Note\", \"type\": \"string\"}]}"));
            Assert.NotNull(result.Output.GetTypeByMetadataName("Reg.Api." + name));
            Assert.NotNull(result.Output.GetTypeByMetadataName("Reg.Api.ActRequest"));
        }

        [Theory]
        [InlineData("required")]
        [InlineData("file")]
        [InlineData("scoped")]
        [InlineData("record")]
        [InlineData("var")]
        [InlineData("dynamic")]
        [InlineData("nameof")]
        [InlineData("field")]
        [InlineData("extension")]
        [InlineData("widget")]
        public void Type_names_of_lower_case_ascii_letters_are_reported(string name)
        {
            // Before: 'required', 'file' and 'scoped' passed and broke compilation (CS9029, CS9056, CS9062), 'var' and 'dynamic'
            // changed the meaning of generated code, and any other such name is warning CS8981, an error under warnings-as-errors.
            Generate(Spec("\"" + name + "\": {\"members\": []}"), "EMR1008");
            Generate(Spec(enums: "\"" + name + "\": {\"type\": \"int\", \"values\": []}"), "EMR1008");
        }

        [Fact]
        public void An_action_named_with_lower_case_ascii_letters_only_is_reported()
        {
            string spec = Spec().Replace("\"actions\": {\"Act\":", "\"actions\": {\"required\":", StringComparison.Ordinal);
            Generate(spec, "EMR1008");
        }

        [Theory]
        [InlineData("__arglist")]
        [InlineData("__makeref")]
        [InlineData("_")]
        [InlineData("___")]
        public void Undocumented_keywords_and_the_discard_are_not_type_names(string name)
        {
            // Found: an object named __arglist broke typeof(...) in the JSON resolver; one named _ turned every 'out _' of
            // the rule engine into that type (CS0118).
            Generate(Spec("\"" + name + "\": {\"members\": []}"), "EMR1008");
        }

        [Theory]
        [InlineData("ToString")]
        [InlineData("Equals")]
        [InlineData("GetType")]
        public void An_action_named_like_a_member_of_object_is_reported(string name)
        {
            // Found: an action ToString became the class ApiMetadata.ToString, hiding object.ToString (CS0108, an error under warnings-as-errors).
            string spec = Spec().Replace("\"actions\": {\"Act\":", "\"actions\": {\"" + name + "\":", StringComparison.Ordinal);
            Generate(spec, "EMR1008");
        }

        [Fact]
        public void An_enumeration_value_named_like_the_structs_field_is_reported()
        {
            // Found: a value named _value clashed with the enumeration struct's own field (CS0102).
            Generate(Spec(enums: "\"Level\": {\"type\": \"string\", \"values\": [{\"name\": \"_value\", \"value\": \"v\"}, {\"name\": \"Low\", \"value\": \"low\"}]}"), "EMR1008");
        }

        [Fact]
        public void An_enumeration_value_named_like_the_structs_type_data_field_is_reported()
        {
            // Found (fixed-seed mutant #1352 after the light-code merge): a value named EmrType clashed with the enumeration
            // struct's static field of shared type data (CS0102, CS0229).
            Generate(Spec(enums: "\"Level\": {\"type\": \"string\", \"values\": [{\"name\": \"EmrType\", \"value\": \"v\"}, {\"name\": \"Low\", \"value\": \"low\"}]}"), "EMR1008");
        }

        [Theory]
        [InlineData("}")]
        [InlineData("\\u061C")]
        public void A_service_name_without_letters_is_reported_not_made_the_namespace_underscore(string service)
        {
            // Found: serviceShortName "}" made the namespace '_', which turned the rule engine's 'out _' discards into it (CS0118).
            var result = Generate("{\"metadata\": {\"serviceShortName\": \"" + service + "\", \"apiVersion\": \"2017-03-12\"}, \"objects\": {\"A\": {\"members\": []}}}", "EMR1008");
            Assert.NotNull(result.Output.GetTypeByMetadataName("InvalidNamespace.A"));
        }

        [Fact]
        public void A_duplicate_region_is_reported()
        {
            // Found (20,000-mutant run): a region given twice became two arms of ApiMetadata's switch, the second unreachable (CS8510).
            Generate("{\"metadata\": {\"namespace\": \"Reg.Api\", \"endpoints\": {\"domain\": \"x.example.com\", \"regions\": {\"ap-x\": \"a.example.com\", \"ap-x\": \"b.example.com\"}}}, \"objects\": {\"A\": {\"members\": []}}}", "EMR1004");
        }

        [Fact]
        public void An_object_named_like_a_generated_field_is_reported()
        {
            // Found (20,000-mutant run): an object _timeSpan held the field _timeSpan of its member TimeSpan (CS0542).
            Generate(Spec("\"_timeSpan\": {\"members\": [{\"name\": \"TimeSpan\", \"type\": \"int\", \"member\": \"uint64\"}]}"), "EMR1008");
        }

        [Fact]
        public void An_object_with_the_name_of_a_generated_member_is_reported()
        {
            // A class named like one of its own generated members does not compile (CS0542).
            Generate(Spec("\"Validate\": {\"members\": []}"), "EMR1008");
            Generate(Spec(enums: "\"IsDefined\": {\"type\": \"int\", \"values\": []}"), "EMR1008");
        }

        [Fact]
        public void A_response_named_like_the_error_property_of_every_response_is_reported()
        {
            // Found (fresh-seed run, seed 9u24rrjc46A1): a response renamed Error held the property Error every response has (CS0542).
            var result = Generate(Spec().Replace("\"output\": \"ActResponse\"", "\"output\": \"Error\"", StringComparison.Ordinal)
                .Replace("\"ActResponse\": {", "\"Error\": {", StringComparison.Ordinal), "EMR1008");
            Assert.Contains("a property every generated response has (Error, Deviations)", result.GeneratorDiagnostics.Single().GetMessage());
            Assert.NotNull(result.Output.GetTypeByMetadataName("Reg.Api.Error"));
        }

        [Fact]
        public void A_number_beyond_decimal_is_reported_not_read_as_zero()
        {
            // Before: 1e29 read as 0 without a word, so the maximum of CoreCount became 0.
            string spec = Spec().Replace("{\"name\": \"A\", \"type\": \"string\", \"member\": \"string\"}",
                "{\"name\": \"A\", \"type\": \"int\", \"member\": \"int64\",\n   \"constraints\": {\"maximum\": 1e29}}", StringComparison.Ordinal);
            var result = Generate(spec, "EMR1005");
            Diagnostic diagnostic = result.GeneratorDiagnostics.Single();
            Assert.Equal((5, 31), Position(diagnostic));
            Assert.Contains("out of range", diagnostic.GetMessage());
            string source = result.Source("ActRequest.g.cs");
            Assert.DoesNotContain("\\\"maximum\\\":0", source);
        }

        [Fact]
        public void A_rule_value_beyond_decimal_is_reported()
        {
            string spec = Spec().Replace("\"members\": [{\"name\": \"A\", \"type\": \"string\", \"member\": \"string\"}]}",
                "\"members\": [{\"name\": \"A\", \"type\": \"int\", \"member\": \"int64\"}], \"rules\": [{\"id\": \"R\", \"require\": {\"member\": \"A\", \"equals\": -79228162514264337593543950336}, \"message\": \"m\"}]}", StringComparison.Ordinal);
            Generate(spec, "EMR1005");
        }

        [Theory]
        [InlineData("01")]
        [InlineData("-01")]
        [InlineData("00")]
        [InlineData("00.5")]
        public void Leading_zeros_are_not_json(string number)
        {
            // Before: the strict reader took 01 as 1.
            string spec = "{\"objects\": {}, \"x\": " + number + "}";
            var result = Generate(spec, "EMR1001");
            Assert.Contains("leading zeros", result.GeneratorDiagnostics.Single().GetMessage());
            Assert.Equal((1, 22 + (number[0] == '-' ? 1 : 0)), Position(result.GeneratorDiagnostics.Single()));
        }

        [Theory]
        [InlineData("0")]
        [InlineData("-0")]
        [InlineData("0.5")]
        [InlineData("10")]
        [InlineData("0e5")]
        public void Numbers_starting_with_a_single_zero_stay_valid(string number) =>
            Generate("{\"objects\": {}, \"x\": " + number + "}");

        [Fact]
        public void An_error_code_with_a_line_break_does_not_break_the_doc_comment()
        {
            // Found: the code went into '/// <summary><c>code</c>' as it was, and a line break ended the comment.
            string spec = Spec().Replace("\"output\": \"ActResponse\"}", "\"output\": \"ActResponse\", \"errorCodes\": [{\"code\": \"Bad.Code\\n</c>: </summary>\\u2028x\", \"description\": \"a\\nb\"}]}", StringComparison.Ordinal);
            var result = Generate(spec);
            Assert.Contains("Bad.Code </c>", result.Source("ApiErrorCode.g.cs").Replace("&lt;/c&gt;", "</c>", StringComparison.Ordinal));
        }

        [Theory]
        [InlineData("object")]
        [InlineData("class")]
        [InlineData("value__")]
        public void Error_codes_without_an_upper_case_letter_are_reported(string code)
        {
            // Found: the code 'object' became the member ApiErrorCodeKind.object, which does not compile.
            string spec = Spec().Replace("\"output\": \"ActResponse\"}", "\"output\": \"ActResponse\", \"errorCodes\": [{\"code\": \"" + code + "\"}, {\"code\": \"InvalidParameter\"}]}", StringComparison.Ordinal);
            var result = Generate(spec, "EMR1005");
            Assert.Contains("InvalidParameter = ", result.Source("ApiErrorCode.g.cs"));
        }

        [Fact]
        public void A_rule_with_a_lower_case_error_code_is_reported()
        {
            string spec = Spec().Replace("\"members\": [{\"name\": \"A\", \"type\": \"string\", \"member\": \"string\"}]}",
                "\"members\": [{\"name\": \"A\", \"type\": \"string\", \"member\": \"string\"}], \"rules\": [{\"id\": \"R\", \"require\": {\"member\": \"A\", \"present\": true}, \"errorCode\": \"class\", \"message\": \"m\"}]}", StringComparison.Ordinal);
            Generate(spec, "EMR1005");
        }

        [Fact]
        public void A_huge_error_code_is_reported()
        {
            // Found: a 115,000-character code became an enumeration member name longer than C# allows (CS0645).
            string code = "InvalidParameter." + new string('X', 600);
            string spec = Spec().Replace("\"output\": \"ActResponse\"}", "\"output\": \"ActResponse\", \"errorCodes\": [{\"code\": \"" + code + "\"}]}", StringComparison.Ordinal);
            Generate(spec, "EMR1005");
        }

        [Fact]
        public void Huge_names_are_reported()
        {
            string name = "A" + new string('b', 600);
            Generate(Spec("\"" + name + "\": {\"members\": []}"), "EMR1008");
        }

        [Fact]
        public void A_lone_surrogate_in_the_api_version_does_not_reach_the_namespace_or_the_hint_names()
        {
            // Found: apiVersion "20\uDBFF17-03-12" made the namespace Cvm.V20\uDBFF170312, an invalid hint name: the generator threw.
            var result = Generate("{\"metadata\": {\"serviceShortName\": \"cvm\", \"apiVersion\": \"20\\uDBFF17-03-12\"}, \"objects\": {\"A\": {\"members\": []}}}");
            Assert.NotNull(result.Output.GetTypeByMetadataName("Cvm.V20170312.A"));
        }

        [Fact]
        public void A_namespace_from_an_unusable_service_name_is_reported()
        {
            var result = Generate("{\"metadata\": {\"serviceShortName\": \"" + new string('s', 300) + "\"}, \"objects\": {\"A\": {\"members\": []}}}", "EMR1008");
            Assert.NotNull(result.Output.GetTypeByMetadataName("InvalidNamespace.A"));
        }

        [Fact]
        public void A_member_whose_suffixed_name_is_taken_by_a_sibling_is_reported()
        {
            // 'Validate' is a generated method, so the member becomes ValidateValue, the name of the member after it.
            string spec = Spec("\"Box\": {\"members\": [{\"name\": \"Validate\", \"type\": \"string\", \"member\": \"string\"},\n {\"name\": \"ValidateValue\", \"type\": \"string\", \"member\": \"string\"}]}");
            var result = Generate(spec, "EMR1004");
            Assert.Equal((7, 2), Position(result.GeneratorDiagnostics.Single()));
        }

        /// <summary>A member of the object Box.</summary>
        private static string Member(string name, string type = "string", string member = "string", bool required = false) =>
            "{\"name\": \"" + name + "\", \"type\": \"" + type + "\", \"member\": \"" + member + "\"" + (required ? ", \"required\": true" : string.Empty) + "}";

        /// <summary>The C# properties the generated class declares, in declaration order.</summary>
        private static string[] Properties(GeneratorHarness.Result result, string type) =>
            result.Output.GetTypeByMetadataName("Reg.Api." + type)!.GetMembers().OfType<IPropertySymbol>().Where(p => p.ExplicitInterfaceImplementations.IsEmpty).Select(p => p.Name).ToArray();

        [Theory]
        [InlineData("get_")]
        [InlineData("set_")]
        public void A_member_named_like_a_siblings_property_accessor_is_renamed(string accessor)
        {
            // Found (CBS slice, a list member renamed get_DayOfMonth beside DayOfMonth): C# reserves get_DayOfMonth and
            // set_DayOfMonth for the property DayOfMonth, so the property get_DayOfMonth did not compile (CS0102, CS0082).
            string spec = Spec("\"Box\": {\"members\": [" + Member(accessor + "DayOfMonth", "list", "uint64") + ",\n " + Member("DayOfMonth", "list", "uint64") + "]}");
            var result = Generate(spec);
            Assert.Equal(new[] { accessor + "DayOfMonthValue", "DayOfMonth" }, Properties(result, "Box"));
            // The API's name is unchanged: only the C# property moved aside.
            Assert.Contains("(\"" + accessor + "DayOfMonth\",", result.Source("Box.g.cs"));
        }

        [Theory]
        [InlineData("Box", "A,get_A,get_get_AValue", "A,get_AValue,get_get_AValueValue")]
        [InlineData("Box", "get_get_AValue,get_A,A", "get_get_AValueValue,get_AValue,A")]
        [InlineData("Box", "Validate,get_ValidateValue,set_ValidateValue", "ValidateValue,get_ValidateValueValue,set_ValidateValueValue")]
        [InlineData("Box", "class,get_class", "class,get_classValue")]
        [InlineData("Box", "get_Error,set_Error,get_", "get_ErrorValue,set_ErrorValue,get_")]
        [InlineData("get_A", "A,B", "AValue,B")]
        [InlineData("set_AValue", "AValue,A", "AValueValue,A")]
        [InlineData("get_AValue", "A,get_A", "A,get_AValueValue")]
        public void Accessor_names_are_renamed_until_no_property_reserves_them(string objectName, string members, string properties)
        {
            // Renaming get_A to get_AValue must not make it the accessor of yet another property (get_get_AValue), of a
            // property renamed itself (ValidateValue), of the generated Error property (a response's), or of the class's
            // own name (CS0542 for the accessor of A in a class get_A).
            string spec = Spec("\"" + objectName + "\": {\"members\": [" + string.Join(",\n ", members.Split(',').Select(n => Member(n))) + "]}");
            var result = Generate(spec);
            Assert.Equal(properties.Split(','), Properties(result, objectName));
        }

        [Fact]
        public System.Threading.Tasks.Task The_analyzer_finds_renamed_members_under_their_generated_names()
        {
            // The analyzers name properties from the class's spec fragment, which holds no action and so no role: they must
            // rename get_A and a response's get_Error as the generator did, or values given to them go unchecked.
            string spec = Spec("\"Box\": {\"members\": [" + Member("A") + ", {\"name\": \"get_A\", \"type\": \"string\", \"member\": \"string\", \"constraints\": {\"maxLength\": 3}}]}")
                .Replace("{\"name\": \"RequestId\", \"type\": \"string\", \"member\": \"string\"}", "{\"name\": \"get_Error\", \"type\": \"string\", \"member\": \"string\", \"constraints\": {\"maxLength\": 3}}", StringComparison.Ordinal);
            var generated = AnalyzerVerifier.Generated(new[] { (Path, spec) });
            return AnalyzerVerifier.VerifyAsync(
                "public class C\n{\n    public object M() => new Reg.Api.Box { get_AValue = {|EMR0002:\"long\"|} };\n\n    public object N() => new Reg.Api.ActResponse { get_ErrorValue = {|EMR0002:\"long\"|} };\n}\n",
                generated);
        }

        [Fact]
        public void A_response_member_named_like_the_error_propertys_accessor_is_renamed()
        {
            // A response without an Error member gets the generated property Error: get_Error clashed with its getter (CS0102).
            string spec = Spec().Replace("{\"name\": \"RequestId\", \"type\": \"string\", \"member\": \"string\"}", Member("get_Error"), StringComparison.Ordinal);
            var result = Generate(spec);
            Assert.Equal(new[] { "get_ErrorValue", "Error", "Deviations" }, Properties(result, "ActResponse"));
        }

        [Fact]
        public void An_accessor_name_renamed_onto_a_sibling_is_reported()
        {
            // get_A becomes get_AValue, the name of the member after it: as with other suffixed names, the later one is reported.
            string spec = Spec("\"Box\": {\"members\": [" + Member("A") + ", " + Member("get_A") + ",\n " + Member("get_AValue") + "]}");
            var result = Generate(spec, "EMR1004");
            Assert.Equal((7, 2), Position(result.GeneratorDiagnostics.Single()));
            Assert.Equal(new[] { "A", "get_AValue" }, Properties(result, "Box"));
        }

        [Fact]
        public void Members_whose_names_differ_only_by_case_get_distinct_fields()
        {
            // Found while reviewing the accessor names: required numbers keep their value in a field '_' + the property
            // name with a lower-case first letter, so Ab and ab both had the field _ab (CS0102, CS0229).
            string spec = Spec().Replace("{\"name\": \"A\", \"type\": \"string\", \"member\": \"string\"}",
                Member("Ab", "int", "int64", required: true) + ", " + Member("ab", "int", "int64", required: true) + ", " + Member("_ab_", "int", "int64"), StringComparison.Ordinal);
            var result = Generate(spec);
            Assert.Equal(new[] { "Ab", "ab", "_ab_" }, Properties(result, "ActRequest"));
        }

        [Fact]
        public void A_required_numbers_field_is_not_a_keyword()
        {
            // Found while reviewing the fields: the field of a required number _arglist was __arglist, an undocumented keyword (CS1519).
            string spec = Spec().Replace("{\"name\": \"A\", \"type\": \"string\", \"member\": \"string\"}", Member("_arglist", "int", "int64", required: true), StringComparison.Ordinal);
            var result = Generate(spec);
            Assert.Equal(new[] { "_arglist" }, Properties(result, "ActRequest"));
        }

        [Fact]
        public void A_member_named_like_a_static_method_of_object_is_renamed()
        {
            // Found while reviewing the reserved names: a property ReferenceEquals hid object.ReferenceEquals (CS0108, an
            // error under warnings-as-errors); the other members of object were reserved already.
            var result = Generate(Spec("\"Box\": {\"members\": [" + Member("ReferenceEquals") + "]}"));
            Assert.Equal(new[] { "ReferenceEqualsValue" }, Properties(result, "Box"));
        }

        [Fact]
        public void Members_named_like_the_accessors_of_every_generated_member_compile()
        {
            // Found: a response member get_Error clashed with the getter of the response's generated Error property (CS0102).
            // The generated members are read from the output, so a property added later is covered or this fails; in a
            // response, whose class has the most of them, each beside a member of its own name.
            var names = HostileNames.Generated.MemberNames.Where(CSharpNames.IsIdentifier).SelectMany(n => new[] { n, "get_" + n, "set_" + n }).Distinct();
            string spec = Spec().Replace("{\"name\": \"RequestId\", \"type\": \"string\", \"member\": \"string\"}", string.Join(",\n ", names.Select(n => Member(n))), StringComparison.Ordinal);
            var result = GeneratorHarness.Run(new[] { (Path, spec) });
            Assert.Null(result.RunResult.Results.Single().Exception);
            Assert.All(result.GeneratorDiagnostics, d => Assert.Equal("EMR1004", d.Id));
            Assert.Empty(result.CompilationErrorsAndWarnings);
            Assert.Contains("get_ErrorValue", Properties(result, "ActResponse"));
        }

        [Fact]
        public void Enumeration_values_named_like_the_accessors_of_every_generated_member_are_reported_or_compile()
        {
            // Found: values get_Value and get_IsDefined clashed with the getters of the struct's own properties (CS0102).
            var names = HostileNames.Generated.MemberNames.Where(CSharpNames.IsIdentifier).SelectMany(n => new[] { n, "get_" + n, "set_" + n }).Distinct().ToList();
            string values = string.Join(",\n ", names.Select((n, i) => "{\"name\": \"" + n + "\", \"value\": " + i + "}"));
            var result = GeneratorHarness.Run(new[] { (Path, Spec(enums: "\"Level\": {\"type\": \"int\", \"values\": [" + values + "]}")) });
            Assert.Null(result.RunResult.Results.Single().Exception);
            Assert.All(result.GeneratorDiagnostics, d => Assert.Equal("EMR1008", d.Id));
            Assert.Contains(result.GeneratorDiagnostics, d => d.GetMessage().Contains("'get_Description'", StringComparison.Ordinal));
            Assert.Contains(result.GeneratorDiagnostics, d => d.GetMessage().Contains("reserves for the accessors of the value", StringComparison.Ordinal));
            Assert.Empty(result.CompilationErrorsAndWarnings);
        }

        /// <summary>The spec with its one action renamed.</summary>
        private static string WithAction(string name, string fields = "") =>
            Spec().Replace("\"actions\": {\"Act\": {", "\"actions\": {\"" + name + "\": {" + fields, StringComparison.Ordinal);

        [Theory]
        [InlineData("Version")]
        [InlineData("Name")]
        [InlineData("RateLimitPerSecond")]
        [InlineData("RequestType")]
        [InlineData("ResponseType")]
        [InlineData("ErrorCodes")]
        [InlineData("get_RequestType")]
        [InlineData("get_ErrorCodes")]
        public void An_action_named_like_a_member_of_its_metadata_class_is_renamed(string name)
        {
            // Found: an action Version became the class ApiMetadata.Version, which has the constant Version (CS0542: a
            // member may not be named like its enclosing type); the accessors of its properties count too.
            var result = Generate(WithAction(name, "\"rateLimit\": 20, "));
            INamedTypeSymbol? action = result.Output.GetTypeByMetadataName("Reg.Api.ApiMetadata+" + name + "Action");
            Assert.NotNull(action);
            Assert.Equal(name, action!.GetMembers("Name").OfType<IFieldSymbol>().Single().ConstantValue);
        }

        [Fact]
        public void An_action_renamed_onto_another_actions_name_is_renamed_again()
        {
            // Before: Service became ServiceAction (a constant of ApiMetadata is Service), the class of the next action (CS0102).
            string spec = Spec().Replace("\"actions\": {\"Act\": {\"input\": \"ActRequest\", \"output\": \"ActResponse\"}}",
                "\"actions\": {\"Service\": {\"input\": \"ActRequest\", \"output\": \"ActResponse\"}, \"ServiceAction\": {\"input\": \"ActRequest\", \"output\": \"ActResponse\"}}", StringComparison.Ordinal);
            var result = Generate(spec);
            Assert.NotNull(result.Output.GetTypeByMetadataName("Reg.Api.ApiMetadata+ServiceAction"));
            Assert.NotNull(result.Output.GetTypeByMetadataName("Reg.Api.ApiMetadata+ServiceActionAction"));
        }

        [Fact]
        public void Actions_named_like_every_member_of_the_metadata_classes_and_the_client_compile()
        {
            // The members are read from the output (ApiMetadata's, its action classes' and the client's), so one added later
            // is covered or this fails. The client's methods are the action's name and Async, so Async is also taken off.
            GeneratorRunResult run = GeneratorHarness.RunDefault().RunResult.Results.Single();
            var names = run.GeneratedSources.Where(s => s.HintName.EndsWith(".ApiMetadata.g.cs", StringComparison.Ordinal) || s.HintName.EndsWith(".EmrClient.g.cs", StringComparison.Ordinal))
                .SelectMany(s => s.SyntaxTree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MemberDeclarationSyntax>())
                .SelectMany(m => m switch
                {
                    Microsoft.CodeAnalysis.CSharp.Syntax.PropertyDeclarationSyntax p => new[] { p.Identifier.ValueText, "get_" + p.Identifier.ValueText, "set_" + p.Identifier.ValueText },
                    Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax method => new[] { method.Identifier.ValueText, method.Identifier.ValueText.Replace("Async", string.Empty, StringComparison.Ordinal) },
                    Microsoft.CodeAnalysis.CSharp.Syntax.FieldDeclarationSyntax field => field.Declaration.Variables.Select(v => v.Identifier.ValueText).ToArray(),
                    Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax type when type.Identifier.ValueText is "ApiMetadata" or "EmrClient" => new[] { type.Identifier.ValueText },
                    _ => Array.Empty<string>(),
                })
                .Where(n => n.Length > 0)
                .Distinct()
                .ToList();
            Assert.Contains("Version", names);
            Assert.Contains("GetEndpoint", names);
            Assert.Contains("Endpoint", names);
            // With the suffixed names too, which the renamed classes must move past.
            var actionNames = names.Concat(names.Select(n => n + "Action")).Distinct().ToList();
            string actions = string.Join(", ", actionNames.Select(n => "\"" + n + "\": {\"input\": \"ActRequest\", \"output\": \"ActResponse\", \"rateLimit\": 5}"));
            string spec = "{\"metadata\": {\"namespace\": \"Reg.Api\", \"serviceShortName\": \"emr\", \"endpoints\": {\"domain\": \"x.example.com\", \"regions\": {\"ap-x\": \"a.example.com\"}}}, \"actions\": {" + actions + "}, \"objects\": {\"ActRequest\": {\"members\": []}, \"ActResponse\": {\"members\": []}}}";
            var result = Generate(spec);
            Assert.Equal(actionNames.Count, result.Output.GetTypeByMetadataName("Reg.Api.ApiMetadata")!.GetTypeMembers().Length);
            Assert.Equal(actionNames.Count, result.Output.GetTypeByMetadataName("Reg.Api.EmrClient")!.GetMembers().Count(m => m.Name.EndsWith("Async", StringComparison.Ordinal)));
        }

        [Theory]
        [InlineData("get_Low")]
        [InlineData("set_Low")]
        [InlineData("get_Value")]
        [InlineData("set_Name")]
        [InlineData("get_KnownValues")]
        [InlineData("op_Equality")]
        [InlineData("op_Implicit")]
        [InlineData("MemberwiseClone")]
        [InlineData("ReferenceEquals")]
        public void An_enumeration_value_named_like_a_member_the_struct_reserves_is_reported(string name)
        {
            // Found: a value get_Low beside Low clashed with Low's getter, get_Value with the Value property's (CS0102),
            // op_Equality with the == operator (CS0102), MemberwiseClone hid object's (CS0108). A value is how code names it
            // (Level.Low), so it is reported, not renamed.
            var result = Generate(Spec(enums: "\"Level\": {\"type\": \"string\", \"values\": [{\"name\": \"Low\", \"value\": \"low\"},\n {\"name\": \"" + name + "\", \"value\": \"x\"}]}"), "EMR1008");
            Assert.Equal((3, 11), Position(result.GeneratorDiagnostics.Single()));
            Assert.Contains("public static global::Reg.Api.Level Low =>", result.Source("Level.g.cs"));
        }

        [Fact]
        public void An_enumeration_value_whose_accessor_is_the_enumerations_name_is_reported()
        {
            // The struct get_Low holds the property Low, whose getter get_Low would be named like the struct (CS0542).
            Generate(Spec(enums: "\"get_Low\": {\"type\": \"string\", \"values\": [{\"name\": \"Low\", \"value\": \"low\"}, {\"name\": \"High\", \"value\": \"high\"}]}"), "EMR1008");
        }

        [Fact]
        public void Enumeration_values_named_like_the_accessors_of_their_siblings_are_reported_once_each()
        {
            // get_get_Low would only clash with get_Low, which is reported and left out: it stays.
            var result = Generate(Spec(enums: "\"Level\": {\"type\": \"int\", \"values\": [{\"name\": \"get_get_Low\", \"value\": 3}, {\"name\": \"get_Low\", \"value\": 2}, {\"name\": \"Low\", \"value\": 1}]}"), "EMR1008");
            Assert.Contains("'get_Low'", result.GeneratorDiagnostics.Single().GetMessage());
            Assert.Contains("public static global::Reg.Api.Level get_get_Low =>", result.Source("Level.g.cs"));
        }

        [Fact]
        public void An_object_named_like_the_client_in_other_letter_case_moves_the_client_aside()
        {
            // The client's file is <Client>.g.cs; an object EMRCLIENT would clash with EmrClient.g.cs ignoring case.
            var result = Generate("{\"metadata\": {\"serviceShortName\": \"emr\", \"namespace\": \"Reg.Api\"}, \"actions\": {\"Act\": {\"input\": \"ActRequest\", \"output\": \"EMRCLIENT\"}}, \"objects\": {\"ActRequest\": {\"members\": []}, \"EMRCLIENT\": {\"members\": []}}}");
            Assert.NotNull(result.Output.GetTypeByMetadataName("Reg.Api.EMRCLIENT"));
            Assert.NotNull(result.Output.GetTypeByMetadataName("Reg.Api.EmrClientApi"));
        }

        [Theory]
        [InlineData("\r")]
        [InlineData("\r\n")]
        [InlineData("\n")]
        public void Diagnostics_are_located_with_any_line_ending(string newLine)
        {
            // The reader counted only LF; with CR line ends (or a raw U+2028 inside a string) its lines were not the editor's.
            string spec = "{" + newLine + "\"objects\": {\"A\": {\"document\": \"x\u2028y\"," + newLine + " \"members\": [{\"name\": \"B\", \"type\": \"object\", \"member\": \"Missing\"}]}}}";
            var result = Generate(spec, "EMR1003");
            Assert.Equal((4, 56), Position(result.GeneratorDiagnostics.Single()));
        }

        [Fact]
        public void Every_helper_type_and_file_name_the_generator_emits_is_reserved()
        {
            // Read from the generator's output, not from a list: a helper type or file added later is covered or this fails.
            GeneratedNameSet generated = HostileNames.Generated;
            // The clients, their interfaces and extension classes are renamed (EmrClientApi, IEmrClientApi, EmrClientApiExtensions)
            // when an object takes their names.
            var clients = new[] { "EmrClient", "FuzzClient", "IEmrClient", "IFuzzClient", "EmrClientExtensions", "FuzzClientExtensions" };
            Assert.Contains("ApiJsonResolver", generated.TypeNames);
            Assert.Contains("ApiMetadata", generated.HintStems);
            Assert.Contains("ApiErrorCode", generated.HintStems);
            // C# compares type names by case; Roslyn compares hint names ignoring it, so file names are reserved in any case.
            var names = generated.TypeNames.Except(clients)
                .Concat(generated.HintStems.Except(clients).SelectMany(n => new[] { n, n.ToUpperInvariant(), n.ToLowerInvariant() }))
                .Distinct();
            foreach (string name in names)
            {
                Assert.True(GeneratedNames.TypeNameProblem(name, isEnumeration: false) != null, "object name '" + name + "' is not reserved");
                Assert.True(GeneratedNames.TypeNameProblem(name, isEnumeration: true) != null, "enumeration name '" + name + "' is not reserved");
            }
        }

        [Fact]
        public void An_object_named_like_the_clients_interface_renames_the_client()
        {
            var result = Generate(Spec("\"IActClient\": {\"members\": []}", metadata: "\"namespace\": \"Reg.Api\", \"serviceShortName\": \"act\""));
            Assert.NotNull(result.Output.GetTypeByMetadataName("Reg.Api.IActClient"));
            INamedTypeSymbol client = result.Output.GetTypeByMetadataName("Reg.Api.ActClientApi")!;
            Assert.Contains(client.Interfaces, i => i.Name == "IActClientApi");
        }

        [Fact]
        public void Every_member_name_of_generated_classes_is_refused_as_an_object_name_or_renamed_as_a_member()
        {
            // A class may not have a member of its own name (CS0542); generated members are known from the output.
            var members = HostileNames.Generated.MemberNames.Where(CSharpNames.IsIdentifier).Select(n => "{\"name\": \"" + n + "\", \"type\": \"string\", \"member\": \"string\"}");
            var result = GeneratorHarness.Run(new[] { (Path, Spec("\"Holder\": {\"members\": [" + string.Join(",\n ", members) + "]}")) });
            Assert.Null(result.RunResult.Results.Single().Exception);
            Assert.All(result.GeneratorDiagnostics, d => Assert.Equal("EMR1004", d.Id));
            Assert.Empty(result.CompilationErrorsAndWarnings);
            Assert.NotNull(result.Output.GetTypeByMetadataName("Reg.Api.Holder"));
        }
    }
}
