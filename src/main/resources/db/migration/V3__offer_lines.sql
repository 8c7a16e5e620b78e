-- An offer is a list of lines, and it is approved (or found within its preparer's authority) before the customer
-- hears it. remedy and amount_krw of offer keep the first line's remedy and the offer's total value.
CREATE TABLE offer_line (
  offer_id           BIGINT       NOT NULL REFERENCES offer (id),
  line_no            INT          NOT NULL,
  remedy             VARCHAR(20)  NOT NULL,
  amount_krw         BIGINT       NOT NULL,
  description        VARCHAR(500),
  basis              VARCHAR(1000),
  PRIMARY KEY (offer_id, line_no)
);

-- NOT_NEEDED (within the preparer's authority), PENDING, APPROVED, REJECTED; null on offers made before lines.
ALTER TABLE offer ADD COLUMN approval_state VARCHAR(12);
ALTER TABLE offer ADD COLUMN approved_by VARCHAR(64);
ALTER TABLE offer ADD COLUMN approval_note VARCHAR(2000);
ALTER TABLE offer ADD COLUMN approved_at TIMESTAMP WITH TIME ZONE;
