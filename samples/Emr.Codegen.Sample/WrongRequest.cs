using Emr.V20190103;

/// <summary>
/// A request with mistakes on purpose: the build shows what the server would answer for each, as warnings.
/// </summary>
internal static class WrongRequest
{
    public static CreateInstanceRequest Build() => new CreateInstanceRequest
    {
        ProductId = 16,
        VPCSettings = new VPCSettings { VpcId = "vpc-abcd1234", SubnetId = "subnet-abcd1234" },
        Software = ["hive"],
        ResourceSpec = new NewResourceSpec { MasterCount = 1, CoreCount = 2 },
        SupportHA = 2,                      // EMR0001: 0 or 1 (InvalidParameter.InvalidSupportHA)
        InstanceName = "emr test",          // EMR0003: a space is not allowed (InvalidParameter.InvalidInstanceName)
        PayMode = 0,
        Placement = new Placement { Zone = "ap-guangzhou-3" },
        TimeSpan = 3600,
        TimeUnit = "m",                     // EMR0010: pay-as-you-go needs "s" (InvalidParameter.InvalidTimeUnit)
        LoginSettings = new LoginSettings { Password = "Sample@2019x" },
        MetaType = "EMR_EXIST_META",        // EMR0010: needs UnifyMetaInstanceId (InvalidParameter.InvalidMetaType)
    };
}
