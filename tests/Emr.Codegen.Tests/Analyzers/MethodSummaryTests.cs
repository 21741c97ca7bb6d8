using System.Threading.Tasks;
using static Emr.Codegen.Tests.Infrastructure.AnalyzerVerifier;

namespace Emr.Codegen.Tests.Analyzers
{
    /// <summary>
    /// Methods with source in the same project are followed: a call applies what the method does to the request it is
    /// given (the members it sets, where it lets the request go) instead of judging the request at the call.
    /// </summary>
    public class MethodSummaryTests
    {
        private const string ExistingMeta = "MetaType = \"EMR_EXIST_META\",";

        private static string Caller(string afterInitializer, string extraMembers = ExistingMeta, string returned = "r") =>
            RequestTemplate.Build(extraMembers, afterInitializer).Replace("return r;", "return " + returned + ";");

        private const string SharedHelpers = RequestTemplate.Usings + """
            static class Shared
            {
                public static void UseExistingMeta(CreateInstanceRequest request) => request.UnifyMetaInstanceId = "cdb-abcdefgh";

                public static void SetMonthly(CreateInstanceRequest request)
                {
                    request.PayMode = 1;
                }

                public static void MaybeUseExistingMeta(CreateInstanceRequest request, bool really)
                {
                    if (really)
                    {
                        request.UnifyMetaInstanceId = "cdb-abcdefgh";
                    }
                }

                public static CreateInstanceRequest WithExistingMeta(this CreateInstanceRequest request)
                {
                    request.UnifyMetaInstanceId = "cdb-abcdefgh";
                    return request;
                }

                public static void Send(CreateInstanceRequest request) => System.Console.WriteLine(request.ToJson());

                public static void CompleteAndSend(CreateInstanceRequest request)
                {
                    UseExistingMeta(request);
                    Send(request);
                }

                public static void Recursive(CreateInstanceRequest request, int depth)
                {
                    if (depth > 0)
                    {
                        Recursive(request, depth - 1);
                    }
                }
            }
            """;

        [Fact]
        public Task A_helper_in_another_class_and_file_that_completes_the_request_is_followed() => VerifyFilesAsync(
            new[] { Caller("Shared.UseExistingMeta(r);"), SharedHelpers });

        [Fact]
        public Task An_extension_method_that_completes_the_request_and_returns_it_is_followed() => VerifyFilesAsync(
            new[] { Caller("", returned: "r.WithExistingMeta()"), SharedHelpers });

        [Fact]
        public Task A_helper_that_completes_the_request_before_sending_it_is_followed_into_its_own_calls() => VerifyFilesAsync(
            new[] { Caller("Shared.CompleteAndSend(r);"), SharedHelpers });

        [Fact]
        public Task A_value_a_helper_sets_is_judged_with_the_callers_values_at_the_call() => VerifyFilesAsync(
            new[] { RequestTemplate.Build(afterInitializer: "{|#1:Shared.SetMonthly(r)|};", replacements: new[] { ("TimeUnit = \"s\"", "TimeUnit = {|#0:\"s\"|}") }), SharedHelpers },
            Diagnostic("EMR0010", 0, 1));

        [Fact]
        public Task A_member_a_helper_sets_on_some_paths_only_is_unknown_afterwards() => VerifyFilesAsync(
            new[] { Caller("Shared.MaybeUseExistingMeta(r, flag);"), SharedHelpers });

        [Fact]
        public Task A_helper_that_sends_an_incomplete_request_is_judged_at_the_call() => VerifyFilesAsync(
            new[] { Caller("Shared.Send(r);", extraMembers: "MetaType = {|#0:\"EMR_EXIST_META\"|},"), SharedHelpers },
            Diagnostic("EMR0010", 0));

        [Fact]
        public Task A_call_into_a_cycle_gives_no_verdict() => VerifyFilesAsync(
            new[] { Caller("Shared.Recursive(r, 3);"), SharedHelpers });

        [Fact]
        public Task A_local_function_given_the_request_is_followed() => VerifyAsync(
            Caller("""
                Complete(r);
                static void Complete(CreateInstanceRequest request) => request.UnifyMetaInstanceId = "cdb-abcdefgh";
                """));

        [Fact]
        public Task A_constructor_with_SetsRequiredMembers_in_a_partial_sets_what_it_sets() => VerifyFilesAsync(
            new[]
            {
                RequestTemplate.Usings + """
                class C
                {
                    CreateInstanceRequest Monthly() => new CreateInstanceRequest(monthly: true, name: "emr_test");

                    CreateInstanceRequest Hourly() => new CreateInstanceRequest(monthly: false, name: "emr_test") { InstanceName = "emr_hourly" };
                }
                """,
                PartialRequest,
            });

        [Fact]
        public Task A_constructor_that_sets_a_member_is_judged_with_what_the_caller_adds() => VerifyFilesAsync(
            new[]
            {
                RequestTemplate.Usings + """
                class C
                {
                    CreateInstanceRequest Make()
                    {
                        var r = {|#1:new CreateInstanceRequest(months: 3)|};
                        r.TimeUnit = {|#0:"s"|};
                        return r;
                    }
                }
                """,
                PartialRequest,
            },
            Diagnostic("EMR0010", 0, 1));

        [Fact]
        public Task A_member_a_constructor_sets_counts_for_the_callers_initializer() => VerifyFilesAsync(
            new[]
            {
                // Before: EMR0011 "PayMode not set" on AutoRenew, as if the constructor set nothing.
                RequestTemplate.Usings + """
                class C
                {
                    CreateInstanceRequest Make() => new CreateInstanceRequest(months: 3) { AutoRenew = 1 };
                }
                """,
                PartialRequest,
            });

        [Fact]
        public Task A_setter_of_a_partial_property_that_sets_members_is_followed() => VerifyFilesAsync(
            new[]
            {
                RequestTemplate.Build(afterInitializer: "r.Monthly = flag;", replacements: new[] { ("PayMode = 0", "PayMode = 1") }),
                PartialRequest,
            });

        [Fact]
        public Task A_method_that_can_be_overridden_is_code_without_source_and_judged_at_the_call() => VerifyFilesAsync(
            new[]
            {
                Caller("new Filler().Fill(r);", extraMembers: "MetaType = {|#0:\"EMR_EXIST_META\"|},"),
                RequestTemplate.Usings + """
                class Filler
                {
                    public virtual void Fill(CreateInstanceRequest request) => request.UnifyMetaInstanceId = "cdb-abcdefgh";
                }
                """,
            },
            Diagnostic("EMR0010", 0));

        private const string PartialRequest = """
            using System.Diagnostics.CodeAnalysis;

            namespace Emr.V20190103
            {
                public sealed partial class CreateInstanceRequest
                {
                    [SetsRequiredMembers]
                    public CreateInstanceRequest(bool monthly, string name) : this()
                    {
                        ProductId = 16;
                        VPCSettings = new VPCSettings { VpcId = "vpc-abcd1234", SubnetId = "subnet-abcd1234" };
                        Software = ["hive"];
                        ResourceSpec = new NewResourceSpec { MasterCount = 1, CoreCount = 2 };
                        SupportHA = 0;
                        InstanceName = name;
                        Placement = new Placement { Zone = "ap-guangzhou-3" };
                        LoginSettings = new LoginSettings { Password = "Emr@2019abc" };
                        PayMode = monthly ? 1 : 0;
                        TimeUnit = monthly ? "m" : "s";
                        TimeSpan = monthly ? 12UL : 3600UL;
                    }

                    [SetsRequiredMembers]
                    public CreateInstanceRequest(int months) : this(true, "emr_test")
                    {
                        PayMode = PayMode.MonthlySubscription;
                        TimeUnit = "m";
                        TimeSpan = (ulong)months;
                    }

                    public bool Monthly
                    {
                        set
                        {
                            PayMode = value ? 1 : 0;
                            TimeUnit = value ? "m" : "s";
                            TimeSpan = value ? 12UL : 3600UL;
                        }
                    }
                }
            }
            """;
    }
}
