using System.Collections.Generic;
using Emr.Codegen.Runtime.Rules;

namespace Emr.Codegen.Runtime;

/// <summary>Runs the rule engine (the analyzers' own) over a generated object and reports its problems.</summary>
internal static class ApiValidation
{
    public static IReadOnlyList<ApiValidationProblem> Validate(IRuleSubject subject)
    {
        var found = new List<ApiValidationProblem>();
        RuleEngine.Validate(subject, string.Empty, found);
        var problems = new List<ApiValidationProblem>(found.Count);
        foreach (var problem in found)
        {
            var severity = problem.Severity switch
            {
                ApiValidationSeverity.Warning => ApiValidationSeverity.Warning,
                ApiValidationSeverity.Info => ApiValidationSeverity.Info,
                _ => ApiValidationSeverity.Error,
            };
            problems.Add(new ApiValidationProblem(problem.Path, problem.Message, problem.ErrorCode is null ? (ApiErrorCode?)null : new ApiErrorCode(problem.ErrorCode), severity, problem.RuleId));
        }

        return problems;
    }

    public static void ThrowOnErrors(IReadOnlyList<ApiValidationProblem> problems)
    {
        var errors = new List<ApiValidationProblem>();
        foreach (var problem in problems)
        {
            if (problem.Severity == ApiValidationSeverity.Error)
            {
                errors.Add(problem);
            }
        }

        if (errors.Count > 0)
        {
            throw new ApiValidationException(errors);
        }
    }
}
