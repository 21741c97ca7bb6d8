using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using static Emr.Codegen.Tests.Infrastructure.AnalyzerVerifier;

namespace Emr.Codegen.Tests.Analyzers
{
    /// <summary>
    /// Rules that relate two members (CVM's MinCount at most InstanceCount): a comparison with another member's value,
    /// judged with the same three values at compile time as Validate() at run time.
    /// </summary>
    public class MemberComparisonTests
    {
        private const string Spec = """
            {"metadata": {"namespace": "Cvm.Sample"},
             "actions": {"Run": {"input": "RunRequest", "output": "RunResponse"}},
             "objects": {
              "RunRequest": {"members": [
                {"name": "InstanceCount", "type": "int", "member": "int64"},
                {"name": "MinCount", "type": "int", "member": "int64"}],
               "rules": [{"id": "MinCountAtMostInstanceCount",
                 "when": {"allOf": [{"member": "MinCount", "present": true}, {"member": "InstanceCount", "present": true}]},
                 "require": {"member": "MinCount", "maximum": {"member": "InstanceCount"}},
                 "errorCode": "InvalidParameterValue.InvalidMinCount", "severity": "error",
                 "message": "MinCount must be at most InstanceCount"}]},
              "RunResponse": {"members": [{"name": "RequestId", "type": "string", "member": "string"}]}}}
            """;

        private static readonly Lazy<IReadOnlyList<(string Name, string Text)>> CvmGenerated = new(() => Generated(new[] { ("/specs/cvm.json", Spec) }));

        private static string Source(string body) => "using Cvm.Sample;\nclass C\n{\n    RunRequest Make(long n)\n    {\n" + body + "\n    }\n}\n";

        [Fact]
        public Task A_minimum_above_the_count_is_reported_at_both_values() => VerifyAsync(
            Source("return new RunRequest { InstanceCount = {|#1:3|}, MinCount = {|#0:5|} };"),
            CvmGenerated.Value,
            Diagnostic("EMR0010", 0, 1).WithMessage("MinCount must be at most InstanceCount (MinCount = 5, InstanceCount = 3) (the server returns InvalidParameterValue.InvalidMinCount)"));

        [Fact]
        public Task A_minimum_within_the_count_is_valid() => VerifyAsync(
            Source("return new RunRequest { InstanceCount = 3, MinCount = 3 };"), CvmGenerated.Value);

        [Fact]
        public Task A_count_that_is_not_a_constant_gives_no_verdict() => VerifyAsync(
            Source("return new RunRequest { InstanceCount = n, MinCount = 5 };"), CvmGenerated.Value);

        [Fact]
        public Task A_count_lowered_by_a_compound_assignment_is_reported_there() => VerifyAsync(
            Source("var r = new RunRequest { InstanceCount = 3, MinCount = {|#1:3|} };\n{|#0:r.InstanceCount -= 1|};\nreturn r;"),
            CvmGenerated.Value,
            Diagnostic("EMR0010", 1, 0));
    }
}
