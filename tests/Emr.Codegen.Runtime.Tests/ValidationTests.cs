using System.Linq;

namespace Emr.Codegen.Runtime.Tests
{
    /// <summary>Validate() over a spec fragment: member checks and rules, each problem with the API error code.</summary>
    public class ValidationTests
    {
        [Fact]
        public void A_request_the_fragment_accepts_has_no_problems()
        {
            Assert.Empty(Cluster.Valid().Validate());
            Cluster.Valid().EnsureValid();
        }

        [Fact]
        public void A_required_member_not_set_is_a_problem_at_its_path()
        {
            Cluster cluster = Cluster.Valid();
            cluster.Name = null;
            ApiValidationProblem problem = Assert.Single(cluster.Validate());
            Assert.Equal("Name", problem.Path);
            Assert.Equal(ApiValidationProblemKind.Missing, problem.Kind);
            Assert.Contains("required", problem.Message);
        }

        [Fact]
        public void A_constraint_names_the_value_its_message_and_its_error_code()
        {
            Cluster cluster = Cluster.Valid();
            cluster.Name = "emr test!";
            ApiValidationProblem problem = Assert.Single(cluster.Validate());
            Assert.Equal("Name", problem.Path);
            Assert.Equal(ApiValidationProblemKind.Pattern, problem.Kind);
            Assert.Equal("InvalidParameter.InvalidInstanceName", problem.ErrorCode);
            Assert.Contains("may hold only letters, digits, '-' and '_'", problem.Message);
            Assert.Equal(ApiValidationSeverity.Error, problem.Severity);
        }

        [Fact]
        public void A_closed_enumeration_refuses_other_values_with_its_error_code()
        {
            Cluster cluster = Cluster.Valid();
            cluster.PayMode = 1;
            cluster.TimeUnit = "h";
            ApiValidationProblem problem = Assert.Single(cluster.Validate());
            Assert.Equal(ApiValidationProblemKind.Enumeration, problem.Kind);
            Assert.Equal("InvalidParameter.InvalidTimeUnit", problem.ErrorCode);
        }

        [Fact]
        public void A_broken_rule_is_reported_with_its_id_and_error_code()
        {
            Cluster cluster = Cluster.Valid();
            cluster.TimeUnit = "m";
            ApiValidationProblem problem = Assert.Single(cluster.Validate());
            Assert.Equal(ApiValidationProblemKind.Rule, problem.Kind);
            Assert.Equal("PayAsYouGoNeedsSeconds", problem.RuleId);
            Assert.Equal("InvalidParameter.InvalidTimeUnit", problem.ErrorCode);
            Assert.Contains("TimeUnit must be \"s\"", problem.Message);
        }

        [Fact]
        public void A_range_is_checked_on_the_number()
        {
            Cluster cluster = Cluster.Valid();
            cluster.PayMode = 2;
            Assert.Contains(cluster.Validate(), p => p.Path == "PayMode" && p.Kind == ApiValidationProblemKind.Range);
        }

        [Fact]
        public void EnsureValid_throws_every_error_at_once()
        {
            Cluster cluster = Cluster.Valid();
            cluster.Name = "x";
            cluster.TimeUnit = "m";
            ApiValidationException exception = Assert.Throws<ApiValidationException>(() => cluster.EnsureValid());
            Assert.Equal(new[] { "InvalidParameter.InvalidInstanceName", "InvalidParameter.InvalidTimeUnit" }, exception.Problems.Select(p => p.ErrorCode).OrderBy(c => c).ToArray());
        }
    }
}
