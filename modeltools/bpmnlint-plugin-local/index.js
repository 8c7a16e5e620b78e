module.exports = {
  configs: {
    recommended: {
      rules: {
        'no-generated-ids': 'error'
      }
    }
  },
  rules: {
    'no-generated-ids': './rules/no-generated-ids'
  }
};
