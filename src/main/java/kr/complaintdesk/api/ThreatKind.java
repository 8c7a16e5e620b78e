package kr.complaintdesk.api;

/** What the customer threatened to do: go to the media or an agency, post it widely, or sue. */
public enum ThreatKind {
  MEDIA, CONSUMER_AGENCY, VIRAL_POST, LAWSUIT
}
