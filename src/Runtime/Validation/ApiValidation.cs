using System.Collections.Generic;
using Emr.Codegen.Runtime.Rules;

namespace Emr.Codegen.Runtime;

/// <summary>Runs the rule engine (the analyzers' own) over a generated object.</summary>
internal static class ApiValidation
{
    public static IReadOnlyList<ApiValidationProblem> Validate(IRuleSubject subject)
    {
        var problems = new List<ApiValidationProblem>();
        RuleEngine.Validate(subject, string.Empty, problems);
        return problems;
    }

    public static void ThrowOnErrors(IReadOnlyList<ApiValidationProblem> problems)
    {
        List<ApiValidationProblem>? errors = null;
        foreach (ApiValidationProblem problem in problems)
        {
            if (problem.Severity == ApiValidationSeverity.Error)
            {
                (errors ??= new List<ApiValidationProblem>()).Add(problem);
            }
        }

        if (errors is not null)
        {
            throw new ApiValidationException(errors);
        }
    }
}
