package kr.complaintdesk.casefile;

/** Where a complaint came in (SOP.md public names). */
public enum Channel {
  PHONE, WEB, EMAIL, SNS, COMMUNITY, CONSUMER_AGENCY, STORE
}
