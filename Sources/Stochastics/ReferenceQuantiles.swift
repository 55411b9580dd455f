import CGSL

/// Quantiles of the reference laws behind confidence intervals, from GSL's CDF module.
public enum ReferenceQuantiles {
  /// The p-quantile of Student's t with `degreesOfFreedom` degrees of freedom.
  public static func studentT(_ p: Double, degreesOfFreedom: Int) -> Double {
    precondition(degreesOfFreedom >= 1, "Student's t needs at least one degree of freedom")
    return gsl_cdf_tdist_Pinv(p, Double(degreesOfFreedom))
  }

  /// The p-quantile of the standard normal.
  public static func standardNormal(_ p: Double) -> Double {
    gsl_cdf_ugaussian_Pinv(p)
  }

  /// The p-quantile of the chi-squared law with `degreesOfFreedom` degrees of freedom.
  public static func chiSquared(_ p: Double, degreesOfFreedom: Int) -> Double {
    gsl_cdf_chisq_Pinv(p, Double(degreesOfFreedom))
  }
}
