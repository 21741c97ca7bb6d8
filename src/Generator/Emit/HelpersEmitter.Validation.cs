using Emr.Codegen.Runtime.Rules;
using Emr.Codegen.Runtime;
namespace Emr.Codegen.Generator.Emit
{
    /// <summary>The validation part of the shared helpers file.</summary>
    internal static partial class HelpersEmitter
    {
        private const string ValidationBody = @"
    /// <summary>Runs the rule engine (the analyzers' own) over a generated object and reports its problems.</summary>
    internal static class ApiValidation
    {
        public static global::System.Collections.Generic.IReadOnlyList<global::NS.ApiValidationProblem> Validate(global::NS.EmrCodegenRules.IRuleSubject subject)
        {
            var found = new global::System.Collections.Generic.List<global::NS.EmrCodegenRules.ApiValidationProblem>();
            global::NS.EmrCodegenRules.RuleEngine.Validate(subject, string.Empty, found);
            var problems = new global::System.Collections.Generic.List<global::NS.ApiValidationProblem>(found.Count);
            foreach (var problem in found)
            {
                var severity = problem.Severity switch
                {
                    global::NS.EmrCodegenRules.ApiValidationSeverity.Warning => global::NS.ApiValidationSeverity.Warning,
                    global::NS.EmrCodegenRules.ApiValidationSeverity.Info => global::NS.ApiValidationSeverity.Info,
                    _ => global::NS.ApiValidationSeverity.Error,
                };
                problems.Add(new global::NS.ApiValidationProblem(problem.Path, problem.Message, problem.ErrorCode is null ? (global::NS.ApiErrorCode?)null : new global::NS.ApiErrorCode(problem.ErrorCode), severity, problem.RuleId));
            }

            return problems;
        }

        public static void ThrowOnErrors(global::System.Collections.Generic.IReadOnlyList<global::NS.ApiValidationProblem> problems)
        {
            var errors = new global::System.Collections.Generic.List<global::NS.ApiValidationProblem>();
            foreach (var problem in problems)
            {
                if (problem.Severity == global::NS.ApiValidationSeverity.Error)
                {
                    errors.Add(problem);
                }
            }

            if (errors.Count > 0)
            {
                throw new global::NS.ApiValidationException(errors);
            }
        }
    }
";
    }
}
